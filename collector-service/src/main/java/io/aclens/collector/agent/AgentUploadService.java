package io.aclens.collector.agent;

import io.aclens.access.directory.DirectoryEntry;
import io.aclens.agent.AgentUploadReader;
import io.aclens.agent.UploadRejectedException;
import io.aclens.access.nt.IcaclsImport;
import io.aclens.access.nt.IcaclsParser;
import io.aclens.collector.client.SnapshotServiceClient;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.registry.Registrations;
import io.aclens.collector.service.ScanService;
import io.aclens.contracts.api.ScanStatus;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Turns an agent's upload into a scan (the caller's token was checked for the client): validates and spools the whole upload,
 * and only then queues it for publishing — a rejected upload publishes nothing at all.
 */
@ApplicationScoped
public class AgentUploadService {
    private final ScanService scans;
    private final CollectorConfig config;
    private final SnapshotServiceClient snapshots;
    private final Registrations registrations;

    public AgentUploadService(ScanService scans, CollectorConfig config, @RestClient SnapshotServiceClient snapshots,
                              Registrations registrations) {
        this.scans = scans;
        this.config = config;
        this.snapshots = snapshots;
        this.registrations = registrations;
    }

    /**
     * An {@code icacls <path> /T} export (UTF-16, UTF-8, or the OEM code page cmd.exe wrote). Account names are
     * resolved through the client's synced directory; if any cannot be, nothing is published and the answer
     * names them.
     */
    public ScanStatus ingestIcacls(String clientId, String sourceId, String codePage, InputStream body) {
        admit(clientId, sourceId);
        Charset oem;
        try {
            oem = Charset.forName(codePage);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown code page '" + codePage + "'; use a Java charset name such as IBM866 or IBM850");
        }
        List<IcaclsParser.Folder> parsed;
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxUploadBytes() + 1));
            if (bytes.length > config.maxUploadBytes()) {
                throw new ProblemException(413, "Upload Too Large", "the upload is larger than " + config.maxUploadBytes()
                        + " bytes (aclens.collector.max-upload-bytes)");
            }
            parsed = IcaclsParser.parse(bytes, oem);
        } catch (IOException e) {
            throw new ProblemException(400, "Invalid Upload", "the upload could not be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid Upload", "not icacls output: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw new ProblemException(400, "Invalid Upload", "no folder found: expected the text of icacls <path> /T");
        }
        List<DirectoryEntry> directory = snapshots.directory(clientId);
        Map<String, String> sidByName = new HashMap<>();
        Map<String, String> nameBySid = new HashMap<>();
        directory.forEach(entry -> {
            sidByName.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), entry.sid());
            nameBySid.put(entry.sid(), entry.name());
        });
        List<IcaclsImport.ImportedFolder> folders;
        try {
            folders = IcaclsImport.resolve(parsed, sidByName);
        } catch (IcaclsImport.UnresolvedNamesException e) {
            throw new ProblemException(422, "Unknown Accounts", e.getMessage() + (directory.isEmpty()
                    ? "; no directory of client " + clientId + " is synced yet (collector: POST /api/v1/directories/{name}/syncs)" : ""));
        }
        return scans.submit(null, clientId, sourceId, folders.get(0).path(), null, new IcaclsImportSource(folders, nameBySid), () -> { });
    }

    public ScanStatus ingest(String clientId, String sourceId, String root, InputStream body) {
        admit(clientId, sourceId);
        Path spool;
        try {
            spool = Files.createTempFile("aclens-upload-", ".ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a spool file for the upload", e);
        }
        try {
            AgentUploadReader.Spooled upload = AgentUploadReader.spool(body, config.maxUploadBytes(), spool);
            return scans.submit(null, clientId, sourceId, root == null ? sourceId : root, null, new AgentUploadSource(upload, root), () -> delete(spool));
        } catch (IOException | RuntimeException e) {
            delete(spool);
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (e instanceof UploadRejectedException rejected) {
                throw new ProblemException(rejected.status(), rejected.title(), rejected.getMessage());
            }
            throw new ProblemException(400, "Invalid Upload", "the upload could not be read: " + e.getMessage());
        }
    }

    /**
     * An agent uploads only to the sources registered for its client as uploaded sources of that kind (./aclens source add
     * --kind agent|icacls); the MSP's own staff may upload anywhere.
     */
    public void admitAgent(boolean agent, String clientId, String sourceId, String kind) {
        if (agent && registrations.sources().stream().noneMatch(source -> source.clientId().equals(clientId)
                && source.registeredId().equals(sourceId) && source.kind().equals(kind))) {
            throw new ProblemException(403, "Source Not Registered", "Client " + clientId + " has no source '" + sourceId + "' registered for "
                    + kind + " uploads (./aclens source add --client " + clientId + " --kind " + kind + " --source-id '" + sourceId + "')");
        }
    }

    private void admit(String clientId, String sourceId) {
        ScanService.requireClientId(clientId);
        if (sourceId == null || sourceId.isBlank()) {
            throw ProblemException.badRequest("sourceId is required");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is cleaned with the temp folder
        }
    }
}
