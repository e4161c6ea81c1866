package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.auth.Roles;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.SnapshotCommitted;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.ScanView;
import io.aclens.testing.EndpointAuthorization;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.tracing.TestTraces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clients of one MSP whose agents name their sources alike ("fs1:data", as the agent's documentation suggests): each
 * client's snapshots, changes and workbook hold its own folders only, and one client's token sees nothing of the other.
 */
class TenancyEndToEndTest {
    private static final String SOURCE = "fs1:data";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static String folder(String path, String sddl) {
        return "{\"path\":\"" + path.replace("\\", "\\\\") + "\",\"sddl\":\"" + sddl + "\"}\n";
    }

    private static ScanView upload(PipelineClient pipeline, Stack stack, String client, String root, String... folders) {
        return upload(pipeline, stack, client, root, null, folders);
    }

    private static ScanView upload(PipelineClient pipeline, Stack stack, String client, String root, TestTraces.Caller trace, String... folders) {
        String agent = stack.tokens().issue(client + "-agent", Roles.AGENT, List.of(client), Duration.ofHours(1));
        byte[] export = String.join("", folders).getBytes(StandardCharsets.UTF_8);
        ScanView scan = pipeline.awaitCommitted(pipeline.uploadAgentExport(client, SOURCE, root, agent, export,
                trace == null ? null : trace.traceparent()), TIMEOUT);
        pipeline.awaitChangeSet(scan.snapshotId(), TIMEOUT);
        pipeline.awaitReportable(client, scan.sourceId(), scan.snapshotId(), TIMEOUT);
        return scan;
    }

    @Test
    void twoClientsNamingASourceAlikeSeeOnlyTheirOwnFolders(@TempDir Path dir) throws Exception {
        String root = "D:\\Data";
        String everyone = "O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;WD)";
        String modify = "O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;WD)";
        try (Stack stack = Stack.start(StackConfig.of(Aclens.home(), dir.resolve("data"), true), System.out::println)) {
            PipelineClient pipeline = new PipelineClient(stack);
            for (String client : List.of("acme", "globex")) {
                assertThat(registerAgentSource(stack, client, SOURCE).exitCode()).as("both clients may register a source named " + SOURCE)
                        .isZero();
            }
            Instant start = Instant.now().minusSeconds(1);
            upload(pipeline, stack, "acme", root, folder(root, everyone), folder(root + "\\Acme Payroll", everyone));
            upload(pipeline, stack, "globex", root, folder(root, everyone), folder(root + "\\Globex Legal", everyone));
            // through the gateway, as an integration calling with its own trace (not sampled: there is no collector here)
            TestTraces.Caller caller = TestTraces.Caller.notSampled();
            ScanView acmeAgain = upload(pipeline, stack, "acme", root, caller, folder(root, everyone), folder(root + "\\Acme Payroll", modify));
            assertThat(traceIdsOf(stack, Topics.SCANS, acmeAgain.scanId())).as("the agent's upload continues the caller's trace")
                    .containsOnly(caller.traceId());
            assertThat(traceIdsOf(stack, Topics.SNAPSHOTS, SnapshotCommitted.eventIdFor(acmeAgain.snapshotId())))
                    .as("and so do the snapshot it became").containsExactly(caller.traceId());
            assertThat(traceIdsOf(stack, Topics.CHANGE_SETS, ChangeSetCompleted.eventIdFor(acmeAgain.snapshotId())))
                    .as("and its changes, which the report service then records").containsExactly(caller.traceId());

            assertThat(pipeline.allFolders(acmeAgain.snapshotId())).extracting(FolderView::path)
                    .containsExactlyInAnyOrder(root, root + "\\Acme Payroll");
            assertThat(pipeline.changes("acme", start)).extracting(ChangeView::path).containsOnly(root + "\\Acme Payroll");
            assertThat(pipeline.changes("globex", start)).as("globex's first snapshot is its baseline, acme's folders are not its changes")
                    .isEmpty();
            ReportWorkbook acme = new ReportWorkbook(Files.write(dir.resolve("acme.xlsx"), pipeline.report("acme")));
            ReportWorkbook globex = new ReportWorkbook(Files.write(dir.resolve("globex.xlsx"), pipeline.report("globex")));
            assertThat(acme.matrix.keySet()).containsExactlyInAnyOrder(root, root + "\\Acme Payroll");
            assertThat(globex.matrix.keySet()).containsExactlyInAnyOrder(root, root + "\\Globex Legal");

            String globexViewer = stack.tokens().issue("globex-manager", Roles.CLIENT_VIEWER, List.of("globex"), Duration.ofHours(1));
            assertThat(status(stack.apiUrl() + "/api/v1/snapshots/" + acmeAgain.snapshotId() + "/folders", globexViewer))
                    .as("another client's snapshot, by id").isEqualTo(404);
            assertThat(status(stack.apiUrl() + "/api/v1/clients/acme/changes", globexViewer)).isEqualTo(404);
            assertThat(status(stack.apiUrl() + "/api/v1/clients/acme/reports", globexViewer)).isEqualTo(404);
            assertThat(status(stack.apiUrl() + "/api/v1/clients/globex/reports", globexViewer)).isEqualTo(200);
            assertThat(status(stack.apiUrl() + "/api/v1/clients/globex/reports", null)).isEqualTo(401);

            OperatorCommand.Result status = OperatorCommand.run(null, "status", "--api-url", stack.apiUrl(), "--token", stack.tokens().operatorToken());
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).as("./aclens status: every service's group, read from the broker, and the dead letters")
                    .contains("aclens-snapshot", "aclens-diff", "aclens-report", "aclens.scans.v1.dlq")
                    .as("each client's sources with their last snapshot, and the packages due").contains("LAST SNAPSHOT", "NEXT PACKAGE")
                    .containsPattern("globex / \\S+ +\\d+ (s|min|h) ago");

            subscriptionsThroughTheCommand(stack);
            everyOperationOfTheOneApiIsGuarded(stack); // last: as the MSP's administrator it also removes client acme
        }
    }

    /** {@code ./aclens subscription}: its verbs call the contracts' typed delivery APIs through the gateway. */
    private static void subscriptionsThroughTheCommand(Stack stack) {
        String[] api = {"--api-url", stack.apiUrl(), "--token", stack.tokens().operatorToken()};
        OperatorCommand.Result refused = OperatorCommand.run(null, with(api, "subscription", "add", "--client", "globex", "--name", "board",
                "--to", "not an address"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).as("the API's reason").contains("not an address");

        OperatorCommand.Result added = OperatorCommand.run(null, with(api, "subscription", "add", "--client", "globex", "--name", "board",
                "--to", "board@globex.test", "--language", "en", "--weekly"));
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).contains("Subscription board of globex: board@globex.test (en), next package");
        OperatorCommand.Result sent = OperatorCommand.run(null, with(api, "subscription", "send", "--client", "globex", "--name", "board"));
        assertThat(sent.exitCode()).as(sent.stderr()).isZero();
        assertThat(sent.stdout()).containsPattern("Delivery \\d+ \\(.+?\\) queued");
        OperatorCommand.Result listed = OperatorCommand.run(null, with(api, "subscription", "list", "--client", "globex"));
        assertThat(listed.stdout()).containsPattern("board +en +WEEKLY .*board@globex.test").containsPattern("\\d+ +board ");

        assertThat(OperatorCommand.run(null, with(api, "subscription", "remove", "--client", "globex", "--name", "board")).exitCode()).isZero();
        assertThat(OperatorCommand.run(null, with(api, "subscription", "list", "--client", "globex")).stdout()).doesNotContain("board@globex.test");
        OperatorCommand.Result again = OperatorCommand.run(null, with(api, "subscription", "remove", "--client", "globex", "--name", "board"));
        assertThat(again.exitCode()).as("removing what is not there is an error, not a silent success").isEqualTo(1);
    }

    private static String[] with(String[] api, String... args) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(api)).toArray(String[]::new);
    }

    /** The trace ids of a topic's records keyed {@code key} (a scan's events) or carrying event id {@code key}. */
    private static List<String> traceIdsOf(Stack stack, String topic, String key) {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> named = r -> key.equals(r.key())
                    || key.equals(EventCodec.header(r.headers(), EventCodec.HEADER_ID).orElse(""));
            return kafka.readUntil(topic, all -> all.stream().anyMatch(named), TIMEOUT).stream().filter(named)
                    .map(r -> TestTraces.traceIdOf(r).orElse("none")).toList();
        }
    }

    /**
     * The gateway's one base URL: its merged document lists the operations of all four services, each of which it routes
     * to the service that guards it, and the probe generated from that document finds every one guarded.
     */
    private static void everyOperationOfTheOneApiIsGuarded(Stack stack) throws Exception {
        JsonNode document = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.apiUrl() + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        Set<String> servedBy = new HashSet<>();
        document.path("paths").forEach(path -> path.forEach(operation -> servedBy.add(operation.path("x-aclens-service").asText())));
        assertThat(servedBy).containsExactlyInAnyOrderElementsOf(Stack.SERVICES);
        assertThat(document.at("/components/securitySchemes").size()).as("the bearer scheme is in the document").isPositive();
        assertThat(status(stack.apiUrl() + "/q/swagger-ui/", null)).as("Swagger UI").isEqualTo(200);
        assertThat(status(stack.apiUrl() + "/api/v1/no-such-thing", stack.tokens().operatorToken())).isEqualTo(404);

        EndpointAuthorization.verify(document, stack.apiUrl(), new EndpointAuthorization.TokenSource() {
            @Override
            public String token(String role, String... clients) {
                return stack.tokens().issue("probe-" + role, role, List.of(clients), Duration.ofMinutes(10));
            }

            @Override
            public String expired(String role) {
                return stack.tokens().expired("probe-" + role, role, List.of());
            }
        }, "acme", "globex");
    }

    /** ./aclens client add, then source add --kind agent: the agent of that client may upload to that source only. */
    static OperatorCommand.Result registerAgentSource(Stack stack, String client, String sourceId) {
        String url = stack.apiUrl();
        String token = stack.tokens().operatorToken();
        OperatorCommand.Result added = OperatorCommand.run(null, "client", "add", client, "--api-url", url, "--token", token);
        if (added.exitCode() != 0) {
            return added;
        }
        return OperatorCommand.run(null, "source", "add", "--client", client, "--name", sourceId.replaceAll("[^A-Za-z0-9._-]", "-"),
                "--kind", "agent", "--source-id", sourceId, "--api-url", url, "--token", token);
    }

    private static int status(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
