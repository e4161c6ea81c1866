package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.PrincipalKind;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.collector.messaging.MessageChunks;
import io.aclens.contracts.EventCodec;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageChunksTest {

    @Test
    void chunksStayBelowTheMessageLimitWhenPeopleAreInManyGroups() throws Exception {
        String domain = "S-1-5-21-1004336348-1177238915-682003330";
        List<String> groups = IntStream.range(0, 80).mapToObj(i -> domain + "-" + (3000 + i)).toList();
        List<DirectoryEntry> people = IntStream.range(0, 1000).mapToObj(i -> new DirectoryEntry(domain + "-" + (10_000 + i), PrincipalKind.USER,
                "user" + i, "user" + i + "@corp.example", "Сотрудник Номер " + i, null, "Бухгалтерия", null, true, null, domain + "-513",
                null, groups)).toList();

        List<List<DirectoryEntry>> chunks = MessageChunks.split(people, 250, MessageChunks.MAX_BYTES);

        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(1000);
        for (List<DirectoryEntry> chunk : chunks) {
            assertThat(chunk).hasSizeLessThanOrEqualTo(250);
            assertThat(EventCodec.mapper().writeValueAsBytes(chunk).length).isLessThanOrEqualTo(MessageChunks.MAX_BYTES);
        }
        assertThat(chunks.size()).as("more chunks than 250 entries a chunk would give").isGreaterThan(4);
    }
}
