package io.aclens.report;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aclens.auth.Roles;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.DirectoryChangeSetCompleted;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.AlertChannelView;
import io.aclens.contracts.api.AlertView;
import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.FindingView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.report.alert.AlertEvaluator;
import io.aclens.report.alert.AlertSender;
import io.aclens.report.alert.WebhookSignature;
import io.aclens.report.repository.AlertRepository;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.SmtpServerResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Immediate alerts to a real webhook receiver (checking the signature) and a real SMTP server: once, retried, signed. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(UpstreamServicesStub.class)
@WithTestResource(SmtpServerResource.class)
class AlertTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static KafkaTestClient kafka;
    private static HttpServer receiver;
    /** Each request the receiver got: its event header, signature header and body. */
    private static final ConcurrentLinkedQueue<String[]> RECEIVED = new ConcurrentLinkedQueue<>();
    /** The receiver fails this many requests before it accepts. */
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    @Inject
    AlertEvaluator evaluator;
    @Inject
    AlertSender sender;
    @Inject
    AlertRepository alerts;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestClient.forTestBroker();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/aclens", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new String[]{exchange.getRequestHeaders().getFirst("X-ACLens-Event"),
                    exchange.getRequestHeaders().getFirst(AlertSender.SIGNATURE_HEADER), new String(body, StandardCharsets.UTF_8)});
            int status = FAILURES_LEFT.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        kafka.close();
    }

    private List<AlertView> log(String client) {
        return List.of(given().get("/api/v1/clients/" + client + "/alerts").then().statusCode(200).extract().as(AlertView[].class));
    }

    @Test
    void aNewHighFindingIsAlertedOnceSignedRetriedUntilAcceptedAndMailed() throws Exception {
        String client = KnownClients.add(kafka, true);
        await().atMost(TIMEOUT).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract().path("size()").equals(1));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/aclens";
        AlertChannelView hook = given().contentType("application/json").body(Map.of("kind", "WEBHOOK", "target", url))
                .put("/api/v1/clients/" + client + "/alert-channels/psa").then().statusCode(200).extract().as(AlertChannelView.class);
        assertThat(hook.secret()).as("generated, shown once").hasSize(64);
        given().get("/api/v1/clients/" + client + "/alert-channels").then().statusCode(200).body("[0].secret", org.hamcrest.Matchers.nullValue());
        given().contentType("application/json").body(Map.of("kind", "EMAIL", "target", "it@" + client + ".example"))
                .put("/api/v1/clients/" + client + "/alert-channels/it").then().statusCode(200);
        FAILURES_LEFT.set(1);
        RECEIVED.clear();

        alerts.requestCheck(client).await().atMost(TIMEOUT);
        String event = "finding:BROAD_GROUP_CAN_CHANGE|fs1|S-1-1-0";
        await().atMost(TIMEOUT).until(() -> {
            while (evaluator.checkNext()) {
                // other tests' clients may have asked for checks too: run them all
            }
            return log(client).stream().anyMatch(a -> a.eventKey().equals(event));
        });
        await().atMost(TIMEOUT).until(() -> {
            sender.sendNext();
            return log(client).stream().filter(a -> a.channel().equals("psa") && a.eventKey().equals(event)).allMatch(a -> a.state().equals("SENT"));
        });

        AlertView sent = log(client).stream().filter(a -> a.channel().equals("psa") && a.eventKey().equals(event)).findFirst().orElseThrow();
        assertThat(sent.attempts()).as("the receiver failed once").isEqualTo(2);
        List<String[]> deliveries = RECEIVED.stream().filter(r -> event.equals(r[0])).toList();
        assertThat(deliveries).hasSize(2);
        for (String[] delivery : deliveries) {
            assertThat(delivery[1]).as("HMAC-SHA256 of the body with the channel's key")
                    .isEqualTo(WebhookSignature.of(hook.secret(), delivery[2].getBytes(StandardCharsets.UTF_8)));
            assertThat(delivery[2]).contains("\"severity\":\"HIGH\"").contains("\"subject\":\"Everyone\"");
        }
        assertThat(RECEIVED.stream().map(r -> r[0])).as("Everyone gaining access, reported once with every matching change")
                .anyMatch(e -> e.startsWith("changes:"));
        await().atMost(TIMEOUT).until(() -> {
            sender.sendNext();
            return SmtpServerResource.server().received().stream().anyMatch(m -> subjectOf(m).contains(client));
        });
        MimeMessage mail = SmtpServerResource.server().received().stream().filter(m -> subjectOf(m).contains(client)
                && subjectOf(m).contains("everyone-style group can change")).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("it@" + client + ".example");

        alerts.requestCheck(client).await().atMost(TIMEOUT);
        while (evaluator.checkNext()) {
            // this client's check among any others
        }
        assertThat(log(client).stream().filter(a -> a.eventKey().equals(event))).as("still open: not alerted again").hasSize(2);
    }

    @Test
    void everyChangeSetCountsItsClientsFindingsForTheListOfEveryClientWithOrWithoutAlertChannels() {
        String client = KnownClients.add(kafka, true);
        await().atMost(TIMEOUT).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract().path("size()").equals(1));
        List<FindingView> findings = List.of(given().get("/api/v1/clients/" + client + "/findings").then().statusCode(200)
                .extract().as(FindingView[].class));
        assertThat(findings).as("the known client's folders hold risks").isNotEmpty();

        await().atMost(TIMEOUT).until(() -> {
            while (evaluator.checkNext()) {
                // the check its change set asked for, among other tests' clients
            }
            return summary(client, TestTokens.token(Roles.MSP_OPERATOR)).statusCode() == 200;
        });
        FindingSummaryView counted = summary(client, TestTokens.token(Roles.CLIENT_VIEWER, client)).then().statusCode(200)
                .extract().as(FindingSummaryView.class);
        assertThat(List.of(counted.high(), counted.medium(), counted.low())).containsExactly(count(findings, "HIGH"), count(findings, "MEDIUM"),
                count(findings, "LOW"));
        assertThat(summary(client, TestTokens.token(Roles.CLIENT_VIEWER, "another-client")).statusCode())
                .as("another client's viewer is not told this client exists").isEqualTo(404);
    }

    private static io.restassured.response.Response summary(String client, String token) {
        return TestTokens.as(token).get("/api/v1/clients/" + client + "/findings/summary");
    }

    private static int count(List<FindingView> findings, String severity) {
        return (int) findings.stream().filter(f -> f.severity().equals(severity)).count();
    }

    @Test
    void aDirectoryChangeAloneAsksForItsClientsAlertCheck() {
        String client = "directory-" + java.util.UUID.randomUUID();
        long directorySnapshotId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        kafka.send(Topics.CHANGE_SETS, new DirectoryChangeSetCompleted(DirectoryChangeSetCompleted.eventIdFor(directorySnapshotId),
                directorySnapshotId, directorySnapshotId - 1, client, "ldap:corp", 2, false, java.time.Instant.now()));

        await().atMost(TIMEOUT).until(() -> pool.preparedQuery("select 1 from report.alert_check where client_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(client)).await().atMost(TIMEOUT).size() == 1);

        while (evaluator.checkNext()) {
            // a client with a directory and no scanned source yet: checked, with nothing to count
        }
        assertThat(pool.preparedQuery("select checked_at from report.alert_check where client_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(client))
                .await().atMost(TIMEOUT).iterator().next().getValue("checked_at")).as("not left to be retried forever").isNotNull();
        assertThat(summary(client, TestTokens.token(Roles.MSP_OPERATOR)).statusCode()).as("nothing counted").isEqualTo(404);
    }

    @Test
    void aRescanThatChangedNothingAsksForNoCheckSoonAfterTheLastButAChangeDoes() {
        String client = KnownClients.addLarge(kafka, 1);
        await().atMost(TIMEOUT).until(() -> pending(client));
        long first = latestSnapshot(client);
        runChecks();
        assertThat(pending(client)).as("checked").isFalse();

        kafka.send(Topics.CHANGE_SETS, rescan(client, first, first + 1, 0));
        await().atMost(TIMEOUT).until(() -> latestSnapshot(client) == first + 1);
        assertThat(pending(client)).as("checked a moment ago, and this scan changed nothing").isFalse();

        kafka.send(Topics.CHANGE_SETS, rescan(client, first + 1, first + 2, 3));
        await().atMost(TIMEOUT).until(() -> pending(client));
        runChecks();
        assertThat(pending(client)).isFalse();
        alerts.requestCheckUnlessCheckedWithin(client, Duration.ZERO).await().atMost(TIMEOUT);
        assertThat(pending(client)).as("an unchanged scan once the last check is older than asked").isTrue();
    }

    /** The client's next snapshot, as the snapshot service would serve it, and its change set. */
    private static ChangeSetCompleted rescan(String client, long previous, long snapshotId, long changes) {
        SnapshotView before = UpstreamServicesStub.SNAPSHOTS.get(previous);
        UpstreamServicesStub.SNAPSHOTS.put(snapshotId, new SnapshotView(snapshotId, client, before.sourceId(), "scan-" + snapshotId, before.root(),
                previous, before.folderCount(), 0, Instant.now(), Instant.now(), before.server()));
        UpstreamServicesStub.FOLDERS.put(snapshotId, UpstreamServicesStub.FOLDERS.get(previous));
        return new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(snapshotId), snapshotId, previous, client, before.sourceId(), changes, false,
                Instant.now(), Instant.now());
    }

    private void runChecks() {
        while (evaluator.checkNext()) {
            // this client's check among any other tests' clients
        }
    }

    private long latestSnapshot(String client) {
        var rows = pool.preparedQuery("select latest_snapshot_id from report.source_state where client_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(client)).await().atMost(TIMEOUT);
        return rows.size() == 0 ? -1 : rows.iterator().next().getLong(0);
    }

    /** Whether the client's alert check is asked for and not yet run. */
    private boolean pending(String client) {
        return pool.preparedQuery("select 1 from report.alert_check where client_id = $1 and (checked_at is null or requested_at > checked_at)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(client)).await().atMost(TIMEOUT).size() == 1;
    }

    @Test
    void aChannelIsCheckedBeforeItIsStored() {
        given().contentType("application/json").body(Map.of("kind", "PAGER", "target", "ftp://x"))
                .put("/api/v1/clients/acme/alert-channels/bad").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("kind: EMAIL or WEBHOOK"));
        given().contentType("application/json").body(Map.of("kind", "WEBHOOK", "target", "not a url"))
                .put("/api/v1/clients/acme/alert-channels/bad").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("target: the webhook's http(s) URL"));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
