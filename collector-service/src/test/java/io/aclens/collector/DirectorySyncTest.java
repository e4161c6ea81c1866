package io.aclens.collector;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.access.directory.DirectoryState;
import io.aclens.contracts.DirectoryEntriesCollected;
import io.aclens.contracts.DirectoryEvent;
import io.aclens.contracts.DirectorySyncCompleted;
import io.aclens.contracts.DirectorySyncFailed;
import io.aclens.contracts.DirectorySyncStarted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.Topics;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class DirectorySyncTest {

    private static List<DirectoryEvent> eventsOf(String syncId, String lastType) {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.DIRECTORY,
                    all -> all.stream().anyMatch(r -> syncId.equals(r.key())
                            && EventCodec.header(r.headers(), EventCodec.HEADER_TYPE).orElse("").equals(lastType)), Duration.ofSeconds(30));
            return kafka.events(records.stream().filter(r -> syncId.equals(r.key())).toList(), DirectoryEvent.class);
        }
    }

    @Test
    void aLocalDirectoryIsPublishedInChunksThenCompleted() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "aclens-test-directory"));
        StringBuilder passwd = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
        IntStream.range(0, 300).forEach(i -> passwd.append("user").append(i).append(":x:").append(3000 + i)
                .append(":4000:Сотрудник ").append(i).append(",Отдел,,:/home/u:/bin/bash\n"));
        Files.writeString(dir.resolve("passwd"), passwd, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("group"), "staff:x:4000:\nfinance:x:4001:user1,user2\n", StandardCharsets.UTF_8);

        String syncId = given().post("/api/v1/directories/corp/syncs").then().statusCode(202).extract().path("syncId");
        List<DirectoryEvent> events = eventsOf(syncId, "io.aclens.directory.sync-completed.v1");

        assertThat(events.get(0)).isInstanceOf(DirectorySyncStarted.class);
        DirectorySyncCompleted completed = (DirectorySyncCompleted) events.get(events.size() - 1);
        List<DirectoryEntry> entries = events.stream().filter(DirectoryEntriesCollected.class::isInstance)
                .flatMap(e -> ((DirectoryEntriesCollected) e).entries().stream()).toList();
        assertThat(completed.entryCount()).isEqualTo(302).isEqualTo(entries.size());
        assertThat(completed.chunkCount()).isEqualTo(2);
        assertThat(completed.directoryId()).isEqualTo("local:corp");
        DirectoryState state = new DirectoryState(entries);
        assertThat(state.findUser("user1").orElseThrow().fullName()).isEqualTo("Сотрудник 1");
        assertThat(state.findUser("root")).as("system accounts are not people").isEmpty();
        assertThat(state.token(state.findUser("user2").orElseThrow().sid()).contains("S-1-22-2-4001")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(
                given().get("/api/v1/directory-syncs/" + syncId).then().extract().path("state")));
    }

    @Test
    void anUnreachableDirectoryFailsWithAReasonThatNeverQuotesThePassword() {
        String syncId = given().post("/api/v1/directories/unreachable/syncs").then().statusCode(202).extract().path("syncId");

        List<DirectoryEvent> events = eventsOf(syncId, "io.aclens.directory.sync-failed.v1");
        DirectorySyncFailed failed = (DirectorySyncFailed) events.get(events.size() - 1);
        assertThat(failed.reason()).contains("LDAPException").doesNotContain("do-not-log-me");
        given().get("/api/v1/directories").then().statusCode(200)
                .body(containsString("ldap://127.0.0.1:1"), not(containsString("do-not-log-me")));
    }

    @Test
    void aDirectoryIsReadOverTlsWithItsHostNameVerifiedOrByExplicitOptInOnly() {
        String refused = given().post("/api/v1/directories/cleartext/syncs").then().statusCode(202).extract().path("syncId");
        DirectorySyncFailed cleartext = (DirectorySyncFailed) last(eventsOf(refused, "io.aclens.directory.sync-failed.v1"));
        assertThat(cleartext.reason()).as("ldap:// is upgraded with StartTLS, and this server cannot").contains("StartTLS");

        String wrongHost = given().post("/api/v1/directories/wrong-host/syncs").then().statusCode(202).extract().path("syncId");
        DirectorySyncFailed mismatch = (DirectorySyncFailed) last(eventsOf(wrongHost, "io.aclens.directory.sync-failed.v1"));
        assertThat(mismatch.reason()).as("a trusted certificate issued to another host is refused").containsIgnoringCase("other.example");

        String allowed = given().post("/api/v1/directories/cleartext-allowed/syncs").then().statusCode(202).extract().path("syncId");
        DirectorySyncCompleted completed = (DirectorySyncCompleted) last(eventsOf(allowed, "io.aclens.directory.sync-completed.v1"));
        assertThat(completed.entryCount()).as("plain LDAP only by explicit opt-in").isEqualTo(1);
    }

    private static DirectoryEvent last(List<DirectoryEvent> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void anUnknownDirectoryIsAProblem() {
        given().post("/api/v1/directories/nope/syncs").then().statusCode(404).contentType("application/problem+json")
                .body(containsString("aclens.collector.directories.nope"));
    }
}
