package io.aclens.snapshot;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aclens.access.PrincipalKind;
import io.aclens.access.directory.DirectoryEntry;
import io.aclens.contracts.DirectoryEntriesCollected;
import io.aclens.contracts.DirectorySnapshotCommitted;
import io.aclens.contracts.DirectorySyncCompleted;
import io.aclens.contracts.DirectorySyncStarted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.support.messaging.DeadLetters;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class DirectoryStateTest {
    private static final String D = "S-1-5-21-4-4-4";
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static DirectoryEntry user(int rid, String login, boolean enabled, String... groups) {
        return new DirectoryEntry(D + "-" + rid, PrincipalKind.USER, login, login + "@corp", "Name " + login, null, "Dept", null, enabled, null,
                D + "-513", null, List.of(groups));
    }

    /** Publishes one sync in chunks of two; {@code claimed} overrides the entry count the completion announces. */
    private static String sync(String client, String directory, List<DirectoryEntry> entries, Long claimed) {
        String syncId = UUID.randomUUID().toString();
        kafka.send(Topics.DIRECTORY, new DirectorySyncStarted(syncId + ":s", syncId, client, directory, "active-directory", Instant.now()));
        int chunk = 0;
        for (int i = 0; i < entries.size(); i += 2) {
            chunk++;
            kafka.send(Topics.DIRECTORY, new DirectoryEntriesCollected(syncId + ":" + chunk, syncId, client, directory, chunk,
                    entries.subList(i, Math.min(entries.size(), i + 2))));
        }
        kafka.send(Topics.DIRECTORY, new DirectorySyncCompleted(syncId + ":c", syncId, client, directory,
                claimed == null ? entries.size() : claimed, chunk, Instant.now()));
        return syncId;
    }

    private static DirectorySyncView awaitEnded(String syncId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/directory-syncs/" + syncId + "/snapshot").statusCode() == 200
                && !"STAGING".equals(given().get("/api/v1/directory-syncs/" + syncId + "/snapshot").then().extract().path("status")));
        return given().get("/api/v1/directory-syncs/" + syncId + "/snapshot").then().extract().as(DirectorySyncView.class);
    }

    private static List<String> logins(String url) {
        return new ArrayList<>(List.of(given().get(url).then().statusCode(200).extract().as(DirectoryEntry[].class)).stream()
                .map(e -> e.name() + (e.enabled() ? "" : " (disabled)") + " " + e.memberOf().size()).sorted().toList());
    }

    @Test
    void eachSyncIsADirectorySnapshotWithHistoryAndAnEvent() {
        String client = "dir-" + UUID.randomUUID();
        List<DirectoryEntry> first = List.of(user(1, "anna", true, D + "-2001"), user(2, "bob", true), user(3, "carl", true),
                DirectoryEntry.group(D + "-2001", "Finance", "global", List.of()));
        DirectorySyncView one = awaitEnded(sync(client, "ad:corp", first, null));
        assertThat(one.status()).isEqualTo("COMMITTED");

        List<DirectoryEntry> second = List.of(user(1, "anna", true), user(2, "bob", false, D + "-2001"),
                DirectoryEntry.group(D + "-2001", "Finance", "global", List.of()));
        DirectorySyncView two = awaitEnded(sync(client, "ad:corp", second, null));
        assertThat(two.status()).isEqualTo("COMMITTED");

        assertThat(logins("/api/v1/directory-snapshots/" + one.directorySnapshotId() + "/entries"))
                .containsExactly("Finance 0", "anna 1", "bob 0", "carl 0");
        assertThat(logins("/api/v1/directory-snapshots/" + two.directorySnapshotId() + "/entries"))
                .containsExactly("Finance 0", "anna 0", "bob (disabled) 1");
        assertThat(logins("/api/v1/clients/" + client + "/directory")).containsExactly("Finance 0", "anna 0", "bob (disabled) 1");
        assertThat(logins("/api/v1/clients/" + client + "/directory?exclude=ad:corp")).isEmpty();

        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.SNAPSHOTS, all -> kafka.events(all, DirectorySnapshotCommitted.class)
                .stream().anyMatch(e -> e.directorySnapshotId() == two.directorySnapshotId()), Duration.ofSeconds(20));
        DirectorySnapshotCommitted committed = kafka.events(records, DirectorySnapshotCommitted.class).stream()
                .filter(e -> e.directorySnapshotId() == two.directorySnapshotId()).findFirst().orElseThrow();
        assertThat(committed.previousDirectorySnapshotId()).isEqualTo(one.directorySnapshotId());
        assertThat(committed.partitionKey()).as("ordered with the client's folder snapshots").isEqualTo(client);
    }

    @Test
    void aSyncMissingEntriesIsNotCommitted() {
        String client = "dir-" + UUID.randomUUID();
        DirectorySyncView sync = awaitEnded(sync(client, "ad:short", List.of(user(1, "anna", true)), 2L));

        assertThat(sync.status()).isEqualTo("INCOMPLETE");
        assertThat(sync.reason()).isEqualTo("expected 2 entries, received 1");
        assertThat(logins("/api/v1/clients/" + client + "/directory")).isEmpty();
    }

    @Test
    void aPoisonDirectoryEventGoesToTheDeadLetterTopicWithItsReason() {
        String client = "dir-" + UUID.randomUUID();
        String key = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventCodec.HEADER_TYPE, "io.aclens.directory.entries.v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.DIRECTORY, key, headers, "not json".getBytes(StandardCharsets.UTF_8));
        String after = sync(client, "ad:after-poison", List.of(user(1, "anna", true)), null);

        assertThat(awaitEnded(after).status()).as("the channel goes on after the poison record").isEqualTo("COMMITTED");
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetter(Topics.DIRECTORY),
                all -> all.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(EventCodec.header(poison.headers(), DeadLetters.REASON).orElseThrow()).contains("io.aclens.directory.entries.v1");
    }
}
