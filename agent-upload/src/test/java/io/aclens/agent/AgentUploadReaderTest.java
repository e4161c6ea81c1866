package io.aclens.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentUploadReaderTest {

    @Test
    void oneEndlessLineIsRefusedBeforeItFillsMemory(@TempDir Path dir) {
        String endless = "{\"path\":\"" + "x".repeat((1 << 20) + 10) + "\"}\n";

        assertThatThrownBy(() -> AgentUploadReader.spool(new ByteArrayInputStream(endless.getBytes(StandardCharsets.UTF_8)), 1L << 30,
                dir.resolve("spool"))).isInstanceOf(UploadRejectedException.class).hasMessageContaining("line 1")
                .hasMessageContaining("longer than 1048576 characters");
    }

    @Test
    void crlfLinesAndAFinalLineWithoutNewlineAreRead(@TempDir Path dir) throws Exception {
        String upload = "{\"path\":\"D:\\\\a\",\"sddl\":\"D:(A;;FA;;;BA)\"}\r\n\r\n{\"path\":\"D:\\\\b\",\"sddl\":\"D:(A;;FA;;;BA)\"}";

        AgentUploadReader.Spooled spooled = AgentUploadReader.spool(new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)),
                1L << 20, dir.resolve("spool"));

        assertThat(spooled.folders()).isEqualTo(2);
    }
}
