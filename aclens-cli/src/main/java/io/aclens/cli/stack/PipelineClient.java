package io.aclens.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.CellAccessPage;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.RegisteredDirectoryView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceView;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.DirectoryChangeSetView;
import io.aclens.contracts.api.ChangeReadApi;
import io.aclens.contracts.api.DirectoryReadApi;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.contracts.api.ScanReadApi;
import io.aclens.contracts.api.SnapshotReadApi;
import io.smallrye.mutiny.Uni;
import io.aclens.contracts.api.DirectorySyncView;
import io.aclens.contracts.api.DeliveryView;
import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.LagView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Drives the running services over their REST APIs: start a scan, follow it to its change set, get the report. */
public final class PipelineClient {
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final Duration POLL = Duration.ofMillis(100);
    /** Polls between two questions to the collector while waiting for a commit: one a second. */
    private static final int COLLECTOR_ASKED_EVERY = 10;
    /** The snapshot service's own default page size. */
    private static final int PAGE_SIZE = 1000;

    /**
     * HTTP/1.1, a connection per concurrent caller, as integrations (curl, requests) call: Java's default HTTP/2 would carry
     * every caller of a benchmark over one connection, served by one event-loop thread of the gateway.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Stack stack;
    private final SnapshotReadApi snapshotReads;
    private final DirectoryReadApi directoryReads;
    private final ScanReadApi scanReads;
    private final ChangeReadApi changeReads;
    private final EffectiveChangeReadApi effectiveChangeReads;

    public PipelineClient(Stack stack) {
        this.stack = stack;
        this.snapshotReads = TypedApiClient.of(SnapshotReadApi.class, this::get);
        this.directoryReads = TypedApiClient.of(DirectoryReadApi.class, this::get);
        this.scanReads = TypedApiClient.of(ScanReadApi.class, this::get);
        this.changeReads = TypedApiClient.of(ChangeReadApi.class, this::get);
        this.effectiveChangeReads = TypedApiClient.of(EffectiveChangeReadApi.class, this::get);
    }

    /** The typed clients' GET through the gateway: the body, or empty for 404. */
    private Optional<String> get(String pathAndQuery) {
        String url = stack.apiUrl() + pathAndQuery;
        HttpResponse<String> response = exchange("GET", url, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        parse(url, response, 200);
        return Optional.of(response.body());
    }

    /** The typed clients answer at once: they run on the command's own thread. */
    private static <T> T answer(Uni<T> call) {
        return call.await().indefinitely();
    }

    /** What to scan; {@code passwdFile}/{@code groupFile} may be null (the collector host's own). */
    public record Scan(String clientId, String root, String sourceId, String passwdFile, String groupFile) {
    }

    /** Starts the scan and returns its id. */
    public String startScan(Scan scan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", scan.clientId());
        body.put("root", scan.root());
        body.put("sourceId", scan.sourceId());
        body.put("passwdFile", scan.passwdFile());
        body.put("groupFile", scan.groupFile());
        JsonNode accepted = send("POST", stack.apiUrl() + "/api/v1/scans", body, 202);
        return accepted.get("scanId").asText();
    }

    /** Registers the client with the collector, unless it is already (a data folder kept from an earlier run has it). */
    public void onboard(ClientRegistration client) {
        int status = exchange("POST", stack.apiUrl() + "/api/v1/clients", client).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("POST /api/v1/clients answered " + status);
        }
    }

    /** Registers or changes a source of the client; the collector tests its connection first. */
    public SourceView registerSource(String clientId, String name, SourceRegistration source) {
        return JSON.convertValue(sendExpecting("PUT", collectorPath(clientId, "sources", name), source, 200, 201), SourceView.class);
    }

    /** Registers or changes a directory of the client; the collector tests its connection first. */
    public RegisteredDirectoryView registerDirectory(String clientId, String name, DirectoryRegistration directory) {
        return JSON.convertValue(sendExpecting("PUT", collectorPath(clientId, "directories", name), directory, 200, 201),
                RegisteredDirectoryView.class);
    }

    /** Scans a registered source now; returns the scan ids (one per share for a whole SMB server). */
    public List<String> startRegisteredScans(String clientId, String name) {
        List<String> scanIds = new ArrayList<>();
        send("POST", collectorPath(clientId, "sources", name) + "/scans", null, 202).forEach(status -> scanIds.add(status.get("scanId").asText()));
        return scanIds;
    }

    /** Syncs a registered directory now; returns the sync id. */
    public String startRegisteredSync(String clientId, String name) {
        return send("POST", collectorPath(clientId, "directories", name) + "/syncs", null, 202).get("syncId").asText();
    }

    private String collectorPath(String clientId, String kind, String name) {
        return stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/" + kind + "/" + encode(name);
    }

    private JsonNode sendExpecting(String method, String url, Object body, int... expected) {
        HttpResponse<String> response = exchange(method, url, body);
        return parse(url, response, java.util.Arrays.stream(expected).anyMatch(s -> s == response.statusCode()) ? response.statusCode() : expected[0]);
    }

    /** Starts a scan of an SMB source (a share) registered in the collector's configuration; returns the scan id. */
    public String startSmbScan(String sourceName) {
        return startSmbScans(sourceName).get(0);
    }

    /** Starts the scans of an SMB source: one for a share, one per discovered disk share for a whole server; returns their ids. */
    public List<String> startSmbScans(String sourceName) {
        List<String> scanIds = new ArrayList<>();
        send("POST", stack.apiUrl() + "/api/v1/smb-sources/" + encode(sourceName) + "/scans", null, 202)
                .forEach(status -> scanIds.add(status.get("scanId").asText()));
        return scanIds;
    }

    /** A committed snapshot, with what its scan read of the server (share permissions, the server's own groups). */
    public SnapshotView snapshot(long snapshotId) {
        return Optional.ofNullable(answer(snapshotReads.snapshot(snapshotId)))
                .orElseThrow(() -> new IllegalStateException("The snapshot service knows no snapshot " + snapshotId));
    }

    /** Uploads an agent's NDJSON export ({path, owner, sddl, error} per line) as a scan; returns the scan id. */
    public String uploadAgentExport(String clientId, String sourceId, String root, String token, byte[] ndjson) {
        return uploadAgentExport(clientId, sourceId, root, token, ndjson, null);
    }

    /** The same as part of the caller's trace: {@code traceparent} is a W3C trace context (null: none). */
    public String uploadAgentExport(String clientId, String sourceId, String root, String token, byte[] ndjson, String traceparent) {
        String url = stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/sources/" + encode(sourceId) + "/uploads?root="
                + encode(root);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return parse(url, call(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 202).get("scanId").asText();
    }

    /** How long the collector itself took (read and publish), from its own status; empty while it runs. */
    public Optional<Duration> collectorDuration(String scanId) {
        JsonNode status = send("GET", stack.apiUrl() + "/api/v1/scans/" + scanId, null, 200);
        if (status.path("finishedAt").isNull() || status.path("finishedAt").isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(Instant.parse(status.get("startedAt").asText()), Instant.parse(status.get("finishedAt").asText())));
    }

    /** Waits until the collector finished reading and publishing the scan; returns how long that took. */
    public Duration awaitCollected(String scanId, Duration timeout) {
        return poll(timeout, "scan " + scanId + " to be collected", () -> {
            JsonNode status = send("GET", stack.apiUrl() + "/api/v1/scans/" + scanId, null, 200);
            if ("FAILED".equals(status.path("state").asText())) {
                throw new IllegalStateException("Scan failed: " + status.path("failure").asText());
            }
            return collectorDuration(scanId);
        });
    }

    /** The scan as the snapshot service sees it (staging, committed, …); empty before its first event arrived there. */
    public Optional<ScanView> scanAtSnapshotService(String scanId) {
        return Optional.ofNullable(answer(scanReads.scan(scanId)));
    }

    /**
     * Waits until the scan is the source's new snapshot; fails with the reason if it will never be. The collector is
     * asked whether the scan failed once a second only: each request is authenticated and audited (an event through
     * Kafka into the audit log), load a benchmark would otherwise add to what it measures.
     */
    public ScanView awaitCommitted(String scanId, Duration timeout) {
        AtomicInteger polls = new AtomicInteger();
        return poll(timeout, "scan " + scanId + " to be committed", () -> {
            ScanView scan = answer(scanReads.scan(scanId));
            if (scan != null && "COMMITTED".equals(scan.status())) {
                return Optional.of(scan);
            }
            if (scan != null && !"STAGING".equals(scan.status())) {
                throw new IllegalStateException("Scan " + scanId + " is " + scan.status() + ": " + scan.reason());
            }
            if (polls.getAndIncrement() % COLLECTOR_ASKED_EVERY == 0) {
                JsonNode collector = send("GET", stack.apiUrl() + "/api/v1/scans/" + scanId, null, 200);
                if ("FAILED".equals(collector.path("state").asText())) {
                    throw new IllegalStateException("Scan failed: " + collector.path("failure").asText());
                }
            }
            return Optional.empty();
        });
    }

    public ChangeSetView awaitChangeSet(long snapshotId, Duration timeout) {
        return poll(timeout, "the changes of snapshot " + snapshotId, () -> Optional.ofNullable(answer(changeReads.changeSet(snapshotId))));
    }

    /** Waits until the report service shows the source at this snapshot (it learns it from change-set events). */
    public void awaitReportable(String clientId, String sourceId, long snapshotId, Duration timeout) {
        awaitReportServiceAt(clientId, "report-sources", "sourceId", sourceId, "latestSnapshotId", snapshotId, timeout);
    }

    /** Polls the report service's list of what it answers from until the named entry has reached {@code atLeast}. */
    private void awaitReportServiceAt(String clientId, String list, String idField, String id, String versionField, long atLeast,
                                      Duration timeout) {
        poll(timeout, "the report service to answer from " + id + " at " + atLeast, () -> {
            for (JsonNode entry : send("GET", stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/" + list, null, 200)) {
                if (entry.get(idField).asText().equals(id) && entry.get(versionField).asLong() >= atLeast) {
                    return Optional.of(true);
                }
            }
            return Optional.empty();
        });
    }

    /** Waits until the source has a committed snapshot (a scan no one started by hand, such as a scheduled one). */
    public SnapshotView awaitSnapshot(String clientId, String sourceId, Duration timeout) {
        return poll(timeout, "a snapshot of " + clientId + "/" + sourceId, () -> {
            SnapshotView[] snapshots = snapshots(clientId, sourceId);
            return snapshots.length == 0 ? Optional.empty() : Optional.of(snapshots[0]);
        });
    }

    /** The source's committed snapshots, newest first. */
    public SnapshotView[] snapshots(String clientId, String sourceId) {
        return answer(snapshotReads.snapshots(clientId, sourceId, null)).toArray(SnapshotView[]::new);
    }

    public List<ChangeView> changes(String clientId, Instant from) {
        return answer(changeReads.changes(clientId, null, from.toString(), null));
    }

    /** The first page of a snapshot's folders (up to {@code limit}), as the snapshot service serves them. */
    public FolderPage folders(long snapshotId, int limit) {
        return folders(snapshotId, "", limit);
    }

    private FolderPage folders(long snapshotId, String after, int limit) {
        return answer(snapshotReads.folders(snapshotId, after, limit));
    }

    /** Every folder of a snapshot, page after page. */
    public List<FolderView> allFolders(long snapshotId) {
        List<FolderView> all = new ArrayList<>();
        String after = "";
        do {
            FolderPage page = folders(snapshotId, after, PAGE_SIZE);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        return all;
    }

    /** Syncs a directory registered in the collector's configuration; returns the sync id. */
    public String startDirectorySync(String directoryName) {
        return send("POST", stack.apiUrl() + "/api/v1/directories/" + encode(directoryName) + "/syncs", null, 202)
                .get("syncId").asText();
    }

    /**
     * Waits until the sync is committed as a directory snapshot, diffed, and the report service answers from it (it learns
     * that from the change-set event, after the diff service serves the changes); returns the directory change set.
     */
    public DirectoryChangeSetView awaitDirectoryDiffed(String syncId, Duration timeout) {
        DirectorySyncView sync = poll(timeout, "directory sync " + syncId + " to be committed", () ->
                Optional.ofNullable(answer(directoryReads.directorySync(syncId)))
                        .filter(view -> {
                            if (!view.status().equals("STAGING") && !view.status().equals("COMMITTED")) {
                                throw new IllegalStateException("Directory sync " + syncId + " ended " + view.status() + ": " + view.reason());
                            }
                            return view.status().equals("COMMITTED");
                        }));
        DirectoryChangeSetView changes = poll(timeout, "the effective changes of directory snapshot " + sync.directorySnapshotId(), () ->
                Optional.ofNullable(answer(effectiveChangeReads.directoryChangeSet(sync.directorySnapshotId()))));
        awaitReportServiceAt(changes.clientId(), "report-directories", "directoryId", changes.directoryId(), "latestDirectorySnapshotId",
                changes.directorySnapshotId(), timeout);
        return changes;
    }

    public List<EffectiveChangeView> effectiveChanges(String clientId, Instant from) {
        return answer(effectiveChangeReads.effectiveChanges(clientId, from.toString(), null, null));
    }

    /** One cell of the matrix by person, with the reasons. */
    public CellAccessView access(String clientId, String user, String path) {
        return JSON.convertValue(send("GET", stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/access?user=" + encode(user)
                + "&path=" + encode(path), null, 200), CellAccessView.class);
    }

    /** The first page (of the API's default size) of everything the person holds at least {@code minimum} on, with the reasons. */
    public CellAccessPage personAccess(String clientId, String user, String minimum) {
        return personAccess(clientId, user, minimum, null);
    }

    /** The same as it was at {@code at} (null: now). */
    public CellAccessPage personAccess(String clientId, String user, String minimum, Instant at) {
        return JSON.convertValue(send("GET", stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/people/" + encode(user)
                + "/access?minimum=" + encode(minimum) + (at == null ? "" : "&at=" + encode(at.toString())), null, 200), CellAccessPage.class);
    }

    /** Generates the client's report now and downloads it. */
    public byte[] report(String clientId) {
        return report(clientId, false);
    }

    /** @param onlyDiffering the matrices show only folders whose access differs from their parent's, as packages usually do */
    public byte[] report(String clientId, boolean onlyDiffering) {
        JsonNode report = send("POST", stack.apiUrl() + "/api/v1/clients/" + encode(clientId) + "/reports?onlyDiffering=" + onlyDiffering, null, 201);
        return bytes(stack.apiUrl() + report.get("downloadUrl").asText());
    }

    /** Subscribes {@code to} to the client's package and sends one now; returns the delivery once it is SENT. */
    public DeliveryView deliverNow(String clientId, String subscription, SubscriptionRequest request, Duration timeout) {
        return awaitSent(clientId, queueDeliveryNow(clientId, subscription, request).deliveryId(), timeout);
    }

    /** Subscribes and queues one package now, without waiting for it to be sent. */
    public DeliveryView queueDeliveryNow(String clientId, String subscription, SubscriptionRequest request) {
        String client = stack.apiUrl() + "/api/v1/clients/" + encode(clientId);
        send("PUT", client + "/subscriptions/" + encode(subscription), request, 200);
        return JSON.convertValue(send("POST", client + "/subscriptions/" + encode(subscription) + "/deliveries", null, 202), DeliveryView.class);
    }

    /** Waits until a queued delivery is SENT. */
    public DeliveryView awaitSent(String clientId, long deliveryId, Duration timeout) {
        String client = stack.apiUrl() + "/api/v1/clients/" + encode(clientId);
        return poll(timeout, "delivery " + deliveryId, () -> {
            for (JsonNode delivery : send("GET", client + "/deliveries", null, 200)) {
                if (delivery.path("deliveryId").asLong() == deliveryId && delivery.path("state").asText().equals("SENT")) {
                    return Optional.of(JSON.convertValue(delivery, DeliveryView.class));
                }
            }
            return Optional.empty();
        });
    }

    /** The consumer groups' lag and live members as the broker sees them (the collector's lag monitor). */
    public LagView lag() {
        return JSON.convertValue(send("GET", stack.apiUrl() + "/api/v1/ops/lag", null, 200), LagView.class);
    }

    private byte[] bytes(String url) {
        HttpResponse<byte[]> response = call(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + stack.tokens().operatorToken())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private JsonNode send(String method, String url, Object body, int expectedStatus) {
        HttpResponse<String> response = exchange(method, url, body);
        if (response.statusCode() >= 500 && expectedStatus < 500) {
            // a test's stack and its logs are gone by the time anyone reads the failure: say what the services logged
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body()
                    + stack.recentErrors());
        }
        return parse(url, response, expectedStatus);
    }

    private HttpResponse<String> exchange(String method, String url, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the request body for " + url + ": " + e.getMessage(), e);
        }
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.tokens().operatorToken())
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request; a failure to reach the service becomes an IllegalStateException naming the request. */
    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonNode parse(String url, HttpResponse<String> response, int expectedStatus) {
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(response.request().method() + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer JSON: " + response.body(), e);
        }
    }

    private static <T> T poll(Duration timeout, String what, Supplier<Optional<T>> check) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> result = check.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
