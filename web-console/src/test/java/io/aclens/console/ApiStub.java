package io.aclens.console;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.contracts.api.AclEntryView;
import io.aclens.contracts.api.FolderAccessView;
import io.aclens.contracts.api.AccessReadApi;
import io.aclens.contracts.api.CellAccessPage;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.ClientView;
import io.aclens.contracts.api.CollectorReadApi;
import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.SubscriptionView;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.FindingSummaryView;
import io.aclens.contracts.api.FindingView;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.MatrixRowView;
import io.aclens.contracts.api.MatrixSliceView;
import io.aclens.contracts.api.PersonView;
import io.aclens.contracts.api.ScanReadApi;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.JsonStubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API behind the gateway, standing in for it in the console's own tests: two clients, acme with a scan, a finding and
 * a two-level matrix. The browser test ({@code ConsoleBrowserTest}) runs the console on the real services.
 */
public class ApiStub implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT = "acme";
    static final String OTHER = "globex";
    private JsonStubServer server;

    static final class Api implements AccessReadApi, ScanReadApi, EffectiveChangeReadApi, CollectorReadApi, DeliveryReadApi {
        private static final PersonView ANNA = new PersonView("S-1-5-21-1-1001", "anna", "Anna Petrova", "Finance", null, null, true);

        @Override
        public Uni<List<ClientView>> clients() {
            return Uni.createFrom().item(List.of(new ClientView(CLIENT, "Acme Ltd", "registered", 1, 1, Instant.now()),
                    new ClientView(OTHER, "Globex", "registered", 0, 0, Instant.now())));
        }

        @Override
        public Uni<List<ScanStatus>> scans() {
            return Uni.createFrom().item(List.of(new ScanStatus("scan-running", CLIENT, "fs1:data", "D:\\Data", ScanStatus.State.RUNNING, 150, 0,
                    Instant.now().minusSeconds(10), null, null), new ScanStatus("scan-done", CLIENT, "fs1:data", "D:\\Data",
                    ScanStatus.State.COMPLETED, 300, 0, Instant.now().minusSeconds(100), Instant.now().minusSeconds(90), null)));
        }

        @Override
        public Uni<LagView> lag(boolean fresh) {
            return Uni.createFrom().item(new LagView(Instant.now(), List.of(new LagView.Group("aclens-report", "Stable", 1, 900, 612.5)), List.of(),
                    List.of(new LagView.DeadLetters("aclens.scans.v1.dlq", 2, 30.0))));
        }

        @Override
        public Uni<ScanView> scan(String scanId) {
            return Uni.createFrom().nullItem();
        }

        @Override
        public Uni<List<ScanView>> scans(String clientId, int limit) {
            return Uni.createFrom().item(clientId.equals(CLIENT) ? List.of(new ScanView("s1", CLIENT, "fs1:data", "D:\\Data", "COMMITTED",
                    Instant.now().minusSeconds(60), Instant.now(), 3L, 0L, List.of(), 1000L, null, 7L, null, null)) : List.of());
        }

        @Override
        public Uni<List<PersonView>> people(String clientId) {
            return Uni.createFrom().item(List.of(ANNA));
        }

        @Override
        public Uni<CellAccessView> cell(String clientId, String user, String path, String language) {
            return Uni.createFrom().item(new CellAccessView(ANNA.sid(), "anna", "Anna Petrova", "fs1:data", path, Level.MODIFY, Level.MODIFY,
                    "active", List.of(language.equals("ru") ? "Изменение через Finance" : "Modify via Finance (allow, explicit)")));
        }

        @Override
        public Uni<FolderAccessView> folderAccess(String clientId, String path, String language) {
            return cell(clientId, "anna", path, language).map(cell -> new FolderAccessView(clientId, "fs1:data", 7, path, null,
                    List.of(new AclEntryView("ALLOW", "S-1-5-21-1-2001", "Finance", "Modify", "D:\\Data", false)), List.of(cell)));
        }

        @Override
        public Uni<CellAccessPage> personAccess(String clientId, String user, String minimum, String language, int limit, String after, String at) {
            String path = at == null ? "D:\\Data\\Payroll" : "D:\\Data\\Payroll as of " + at;
            return cell(clientId, user, path, language).map(cell -> new CellAccessPage(List.of(cell), null));
        }

        @Override
        public Uni<MatrixSliceView> matrix(String clientId, String sourceId, String under, boolean all, String department, String group, int offset,
                                           int limit,
                                           int peopleOffset, int peopleLimit) {
            if (!clientId.equals(CLIENT)) {
                return Uni.createFrom().nullItem();
            }
            List<MatrixRowView> rows = under == null ? List.of(new MatrixRowView("D:\\Data", "D:\\Data", 0, 1, null, List.of("R")))
                    : List.of(new MatrixRowView("D:\\Data\\Payroll", "Payroll", 1, 0, null, List.of("M")));
            return Uni.createFrom().item(new MatrixSliceView(clientId, "fs1:data", 7, List.of("fs1:data"), under, !all, 1, rows, 1, List.of(ANNA)));
        }

        @Override
        public Uni<List<FindingView>> findings(String clientId, String language) {
            return Uni.createFrom().item(List.of(new FindingView("k", "EVERYONE_WRITE", "HIGH", "Everyone may change files", "fs1:data", "Everyone",
                    1, List.of("D:\\Data\\Payroll"), List.of(), null)));
        }

        @Override
        public Uni<FindingSummaryView> findingSummary(String clientId) {
            return Uni.createFrom().item(new FindingSummaryView(clientId, clientId.equals(CLIENT) ? 1 : 0, clientId.equals(OTHER) ? 2 : 0, 0,
                    Instant.now()));
        }

        @Override
        public Uni<List<EffectiveChangeView>> effectiveChanges(String clientId, String from, String to, String user) {
            Instant detected = Instant.parse("2026-11-15T10:00:00Z");
            boolean inPeriod = (from == null || !detected.isBefore(Instant.parse(from))) && (to == null || detected.isBefore(Instant.parse(to)));
            return Uni.createFrom().item(inPeriod ? List.of(new EffectiveChangeView(1, "t", clientId, "fs1:data", "D:\\Data\\Payroll", ANNA.sid(),
                    "anna", "Anna Petrova", ChangeKind.GRANTED, Level.NONE, Level.MODIFY, ChangeCause.MEMBERSHIP, "joined Finance", detected))
                    : List.of());
        }

        @Override
        public Uni<List<SubscriptionView>> subscriptions(String clientId) {
            return Uni.createFrom().item(List.of(new SubscriptionView(clientId, "management", List.of("director@acme.example"), List.of(), "ru",
                    "Europe/Moscow", "MONTHLY", null, true, List.of(), List.of(), List.of(), List.of(), Instant.parse("2027-01-01T03:00:00Z"),
                    Instant.now(), Instant.now())));
        }

        @Override
        public Uni<List<DeliveryView>> deliveries(String clientId, int limit) {
            return Uni.createFrom().item(List.of(new DeliveryView(3, clientId, "management", "2026-11", "RETRYING", 2, Instant.now(),
                    "SMTP 451 try later", null, 9L, null, null, Instant.now(), null)));
        }

        @Override
        public Uni<DirectoryChangeSetView> directoryChangeSet(long directorySnapshotId) {
            return Uni.createFrom().nullItem();
        }
    }

    @Override
    public Map<String, String> start() {
        // the one snapshot-service read the console makes (a running scan's source's last snapshot), as a plain route
        server = JsonStubServer.start(path -> path.equals("/api/v1/clients/" + CLIENT + "/snapshots")
                ? Optional.of(List.of(new SnapshotView(7, CLIENT, "fs1:data", "s0", "D:\\Data", null, 300, 0, Instant.now(), Instant.now())))
                : Optional.empty(), new Api());
        return Map.of("aclens.console.api-url", server.url(), "aclens.console.signing-key", testSigningKey().toString());
    }

    /** The test key pair's private half (test-support), as the file the console reads. */
    private static Path testSigningKey() {
        try (InputStream pem = ApiStub.class.getClassLoader().getResourceAsStream("aclens-test-jwt-private.pem")) {
            Path file = Files.createTempFile("aclens-console-test-key", ".pem");
            Files.write(file, pem.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
