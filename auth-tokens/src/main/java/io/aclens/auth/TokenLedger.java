package io.aclens.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which tokens were issued with a private key: kept beside it ({@value #FILE}, tab-separated), so an operator can
 * list them and revoke one by id. Holds no token itself.
 */
public final class TokenLedger {
    public static final String FILE = "issued-tokens.tsv";

    private final Path file;

    public TokenLedger(Path file) {
        this.file = file;
    }

    /** One issued token: who holds it, its role and clients, and when it expires. */
    public record Entry(String tokenId, String name, String role, List<String> clients, Instant issuedAt, Instant expiresAt) {
    }

    public void record(Entry entry) throws IOException {
        String line = String.join("\t", entry.tokenId(), clean(entry.name()), entry.role(), String.join(",", entry.clients()),
                entry.issuedAt().toString(), entry.expiresAt().toString());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 6) {
                entries.add(new Entry(fields[0], fields[1], fields[2], fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].split(",")),
                        Instant.parse(fields[4]), Instant.parse(fields[5])));
            }
        }
        return entries;
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }
}
