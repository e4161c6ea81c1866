package io.aclens.agent;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's NDJSON upload, mutated (flipped, cut, spliced, repeated): every upload is spooled or refused with a problem
 * that says why — never another exception. 20,000 uploads here; the parsers of what they hold are fuzzed by ./aclens fuzz.
 */
class AgentUploadReaderFuzzTest {
    private static final String SEED = String.join("\n",
            "{\"path\":\"D:\\\\Data\",\"owner\":\"S-1-5-32-544\",\"sddl\":\"O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)\"}",
            "{\"path\":\"D:\\\\Data\\\\Финансы\",\"sddl\":\"O:BAD:AI(D;OICI;0x116;;;S-1-5-21-1-2-3-1105)(A;OICIID;FA;;;BA)\","
                    + "\"names\":{\"S-1-5-21-1-2-3-1105\":\"CORP\\\\petrova\"}}",
            "{\"path\":\"D:\\\\Data\\\\Locked\",\"error\":\"Access to the path is denied.\"}", "");
    private static final String ALPHABET = "{}[]\":,\\\\ /()-;ABDOISW0123456789x\t\r\n\u0000\u001f\uFFFDЯ";

    @Test
    void everyMutatedUploadIsSpooledOrRefusedWithAProblem(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(20261202L);
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < 20_000 && findings.size() < 5; i++) {
            String upload = mutate(random);
            Path spool = dir.resolve("spool-" + i);
            try {
                AgentUploadReader.spool(new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)), 1 << 20, spool);
            } catch (UploadRejectedException refused) {
                if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                    findings.add("refused without a reason: " + upload);
                }
            } catch (RuntimeException | java.io.IOException | StackOverflowError e) {
                findings.add(e + " for " + upload);
            } finally {
                Files.deleteIfExists(spool);
            }
        }
        assertThat(findings).isEmpty();
    }

    private static String mutate(SplittableRandom random) {
        StringBuilder text = new StringBuilder(SEED);
        for (int m = 1 + random.nextInt(6); m > 0; m--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> text.delete(Math.min(at, text.length()), Math.min(text.length(), at + 1 + random.nextInt(10)));
                case 2 -> text.setLength(Math.min(text.length(), at));
                case 3 -> {
                    int from = random.nextInt(SEED.length());
                    text.insert(at, SEED, from, Math.min(SEED.length(), from + 1 + random.nextInt(60)));
                }
                default -> {
                    if (text.length() > 0) {
                        int from = random.nextInt(text.length());
                        text.insert(at, text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(20))).repeat(1 + random.nextInt(30)));
                    }
                }
            }
        }
        return text.toString();
    }
}
