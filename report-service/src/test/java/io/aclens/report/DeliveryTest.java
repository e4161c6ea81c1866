package io.aclens.report;

import static io.aclens.testing.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aclens.contracts.api.DeliveryView;
import io.aclens.auth.Roles;
import io.aclens.report.delivery.DeliveryMetrics;
import io.aclens.report.delivery.PackageMail;
import io.aclens.report.delivery.DeliveryPlanner;
import io.aclens.report.delivery.DeliverySender;
import io.aclens.report.repository.DeliveryRepository;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.SmtpServerResource;
import io.aclens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Packages mailed to a real SMTP server (GreenMail): once, in the recipient's language, through outages and restarts. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(UpstreamServicesStub.class)
@WithTestResource(SmtpServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the SMTP outage last: a restarted GreenMail may leave its first connection hanging
class DeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static KafkaTestClient kafka;

    @Inject
    DeliverySender sender;
    @Inject
    DeliveryPlanner planner;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    Pool pool;
    @Inject
    DeliveryMetrics metrics;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static String knownClientWithSubscription(String language) {
        String client = KnownClients.add(kafka);
        await().atMost(TIMEOUT).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract().path("size()")
                .equals(1));
        given().contentType("application/json").body(Map.of("to", List.of(recipient(client)), "language", language, "timeZone", "Europe/Moscow"))
                .put("/api/v1/clients/" + client + "/subscriptions/management").then().statusCode(200);
        return client;
    }

    private static String recipient(String client) {
        return "director@" + client + ".example";
    }

    private static List<MimeMessage> receivedBy(String client) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : SmtpServerResource.server().received()) {
            if (message.getAllRecipients()[0].toString().equals(recipient(client))) {
                mine.add(message);
            }
        }
        return mine;
    }

    private static DeliveryView runNow(String client) {
        return given().post("/api/v1/clients/" + client + "/subscriptions/management/deliveries").then().statusCode(202).extract()
                .as(DeliveryView.class);
    }

    private DeliveryView delivery(String client, long deliveryId) {
        return List.of(given().get("/api/v1/clients/" + client + "/deliveries").then().statusCode(200).extract().as(DeliveryView[].class))
                .stream().filter(d -> d.deliveryId() == deliveryId).findFirst().orElseThrow();
    }

    /** Sends whatever is due until this delivery reaches {@code state}. */
    private DeliveryView sendUntil(String client, long deliveryId, String state) {
        await().atMost(TIMEOUT).until(() -> {
            sender.sendNext();
            return delivery(client, deliveryId).state().equals(state);
        });
        return delivery(client, deliveryId);
    }

    @Test
    void thePackageArrivesOnceInRussianWithTheWorkbookAndItsOwnMessageId() throws Exception {
        String client = knownClientWithSubscription("ru");
        DeliveryView delivery = runNow(client);

        DeliveryView sent = sendUntil(client, delivery.deliveryId(), "SENT");
        sender.sendNext();

        assertThat(sent.attempts()).isEqualTo(1);
        List<MimeMessage> messages = receivedBy(client);
        assertThat(messages).hasSize(1);
        MimeMessage mail = messages.get(0);
        assertThat(mail.getSubject()).startsWith("Права доступа к папкам: " + client);
        assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(delivery.messageId());
        Multipart parts = (Multipart) mail.getContent();
        StringBuilder text = new StringBuilder();
        byte[] workbook = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                workbook = part.getInputStream().readAllBytes();
            } else {
                text.append(bodyText(part));
            }
        }
        assertThat(text.toString()).contains("Папок: 2").contains("Изменений записей в списках доступа: 1")
                .as("/srv/Finance: nobody holds Full control").contains("Рисков: 1 (высокой важности: 0); новых: 1, устранено: 0");
        assertThat(workbook).as("the workbook is attached").isNotNull();
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(xlsx.getSheet("Доступ групп")).as("the workbook speaks the subscription's language").isNotNull();
        }
        assertThat(sent.reportId()).as("the package's workbook is kept as a report").isNotNull();

        sendUntil(client, runNow(client).deliveryId(), "SENT");
        assertThat(receivedBy(client)).hasSize(2);
        assertThat(bodyText(receivedBy(client).get(1))).as("the next package knows the finding already")
                .contains("Рисков: 1 (высокой важности: 0); новых: 0, устранено: 0");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anSmtpOutageIsRetriedWithItsReasonAndTheRecoveryDeliversExactlyOnce() throws Exception {
        String client = knownClientWithSubscription("en");
        SmtpServerResource.server().stop();
        try {
            DeliveryView delivery = runNow(client);
            DeliveryView failed = sendUntil(client, delivery.deliveryId(), "RETRYING");
            assertThat(failed.lastError()).as("the reason is in the log").isNotBlank();
            metrics.refresh();
            String scraped = TestTokens.as(TestTokens.token(Roles.OPS)).get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(scraped.lines().filter(l -> l.startsWith("aclens_outbox_waiting{kind=\"package\",state=\"RETRYING\"}"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                    .as("operations see the package waiting (deploy/prometheus/alerts.yml)").isGreaterThanOrEqualTo(1.0);
            assertThat(failed.nextAttemptAt()).isAfter(Instant.now().minusSeconds(5));
        } finally {
            SmtpServerResource.server().restart();
        }
        DeliveryView sent = sendUntil(client, runs(client).get(0).deliveryId(), "SENT");
        sender.sendNext();

        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(receivedBy(client)).hasSize(1);
        assertThat(receivedBy(client).get(0).getSubject()).startsWith("Folder access: " + client);
    }

    @Test
    void aPeriodWhoseTimePassedWhileTheServiceWasDownIsDeliveredWhenItIsBackAndOnlyOnce() {
        String client = knownClientWithSubscription("ru");
        pool.preparedQuery("update report.subscription set created_at = now() - interval '40 days' where client_id = $1")
                .execute(Tuple.of(client)).await().atMost(TIMEOUT);

        assertThat(planner.plan(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(planner.plan(Instant.now())).as("planned again: nothing new").isZero();

        String lastMonth = YearMonth.now(ZoneId.of("Europe/Moscow")).minusMonths(1).toString();
        DeliveryView due = runs(client).stream().filter(d -> d.period().equals(lastMonth)).findFirst().orElseThrow();
        sendUntil(client, due.deliveryId(), "SENT");
    }

    @Test
    void twoReplicasClaimingTogetherTakeEachDeliveryOnceAndALapsedLeaseHandsItOn() throws Exception {
        String client = knownClientWithSubscription("ru");
        long id = runNow(client).deliveryId();

        List<CompletableFuture<Optional<DeliveryView>>> claims = List.of("replica-a", "replica-b").stream()
                .map(owner -> CompletableFuture.supplyAsync(() -> deliveries.claimNext(owner, Duration.ofHours(1)).await().atMost(TIMEOUT))).toList();
        long claimsOfIt = claims.stream().map(CompletableFuture::join).filter(c -> c.isPresent() && c.get().deliveryId() == id).count();
        assertThat(claimsOfIt).isEqualTo(1);
        assertThat(deliveries.claimNext("replica-c", Duration.ofHours(1)).await().atMost(TIMEOUT)).as("held under its lease")
                .matches(c -> c.isEmpty() || c.get().deliveryId() != id);

        pool.preparedQuery("update report.delivery set claimed_until = now() - interval '1 second' where delivery_id = $1")
                .execute(Tuple.of(id)).await().atMost(TIMEOUT);
        DeliveryView sent = sendUntil(client, id, "SENT");
        assertThat(sent.attempts()).as("claimed again once the lease ran out").isGreaterThanOrEqualTo(2);
        assertThat(receivedBy(client)).hasSize(1);
    }

    @Test
    void aSubscriptionsPackageHoldsOnlyItsPartsAndFolders() throws Exception {
        String client = KnownClients.add(kafka);
        await().atMost(TIMEOUT).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract().path("size()")
                .equals(1));
        given().contentType("application/json").body(Map.of("to", List.of(recipient(client)), "language", "en", "contents", List.of("findings",
                        "MATRIX_BY_GROUP"), "pathPrefixes", List.of("/srv/Finance/")))
                .put("/api/v1/clients/" + client + "/subscriptions/management").then().statusCode(200)
                .body("contents", org.hamcrest.Matchers.contains("FINDINGS", "MATRIX_BY_GROUP"));

        sendUntil(client, runNow(client).deliveryId(), "SENT");

        Multipart parts = (Multipart) receivedBy(client).get(0).getContent();
        byte[] workbook = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                workbook = parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> sheets = new ArrayList<>();
            xlsx.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Access by group", "Findings", "Scan coverage", "Legend");
            assertThat(xlsx.getSheet("Access by group").getRow(5).getCell(1).getStringCellValue()).as("only folders under /srv/Finance")
                    .isEqualTo("/srv/Finance");
            assertThat((Object) xlsx.getSheet("Access by group").getRow(6)).isNull();
        }
    }

    @Test
    void aPackageTooLargeToAttachGoesOutAsALinkThatOpensItUntilItExpires() throws Exception {
        String client = KnownClients.addLarge(kafka, 1_500);
        await().atMost(TIMEOUT).until(() -> given().get("/api/v1/clients/" + client + "/report-sources").then().extract().path("size()")
                .equals(1));
        given().contentType("application/json").body(Map.of("to", List.of(recipient(client)), "language", "en"))
                .put("/api/v1/clients/" + client + "/subscriptions/management").then().statusCode(200);

        sendUntil(client, runNow(client).deliveryId(), "SENT");

        MimeMessage mail = receivedBy(client).get(0);
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            assertThat(parts.getBodyPart(i).getDisposition()).as("nothing attached").isNotEqualToIgnoringCase(Part.ATTACHMENT);
        }
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/api/v1/clients/" + client
                + "/downloads/([A-Za-z0-9_-]{43}))").matcher(bodyText(mail));
        assertThat(link.find()).as("the body carries the link").isTrue();
        String path = link.group(1);
        String token = link.group(2);

        byte[] workbook = io.restassured.RestAssured.given().get(path).then().statusCode(200).contentType(PackageMail.XLSX)
                .header("Cache-Control", "no-store").extract().asByteArray();
        assertThat(workbook.length).as("larger than the test profile's 64 KiB limit").isGreaterThan(64 * 1024);
        assertThat(pool.preparedQuery("select count(*) from report.report_content_chunk c join report.report r using (report_id) where r.client_id = $1")
                .execute(Tuple.of(client)).await().atMost(TIMEOUT).iterator().next().getLong(0)).as("stored in the test profile's 16 KiB chunks")
                .isGreaterThan(4);
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(xlsx.getSheet("Access by group").getLastRowNum()).as("every folder differs from its parent").isGreaterThan(1_500);
        }
        io.restassured.RestAssured.given().get("/api/v1/clients/" + KnownClients.add(kafka) + "/downloads/" + token).then().statusCode(404)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().get(path.substring(0, path.length() - 1) + (token.endsWith("A") ? "B" : "A")).then().statusCode(404);

        pool.preparedQuery("update report.download_link set expires_at = now() - interval '1 second' where client_id = $1")
                .execute(Tuple.of(client)).await().atMost(TIMEOUT);
        io.restassured.RestAssured.given().get(path).then().statusCode(410).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("send the package again"));
        // summed over the client's links: another delivery of its package may have left a link nobody opened
        assertThat(pool.preparedQuery("select coalesce(sum(downloads), 0) from report.download_link where client_id = $1").execute(Tuple.of(client))
                .await().atMost(TIMEOUT).iterator().next().getLong(0)).as("counted while valid").isEqualTo(1);
    }

    @Test
    void aSubscriptionIsCheckedBeforeItIsStored() {
        String client = KnownClients.add(kafka);
        given().contentType("application/json").body(Map.of("to", List.of("not an address"), "language", "de", "cron", "every day"))
                .put("/api/v1/clients/" + client + "/subscriptions/management").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("'not an address' is not an e-mail address"),
                        org.hamcrest.Matchers.containsString("language: ru or en"), org.hamcrest.Matchers.containsString("cron every day")));
        given().get("/api/v1/clients/" + client + "/subscriptions").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));

        given().contentType("application/json").body(Map.of("to", List.of(recipient(client)), "departments", List.of("Бухгалтерия", " ")))
                .put("/api/v1/clients/" + client + "/subscriptions/accounting").then().statusCode(200);
        given().get("/api/v1/clients/" + client + "/subscriptions").then().statusCode(200)
                .body("[0].departments", org.hamcrest.Matchers.contains("Бухгалтерия"));
    }

    private List<DeliveryView> runs(String client) {
        return List.of(given().get("/api/v1/clients/" + client + "/deliveries").then().statusCode(200).extract().as(DeliveryView[].class));
    }

    private static String bodyText(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart nested) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < nested.getCount(); i++) {
                text.append(bodyText(nested.getBodyPart(i)));
            }
            return text.toString();
        }
        return content instanceof String s ? s : "";
    }
}
