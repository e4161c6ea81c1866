package io.aclens.collector.agent;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.service.ScanService;
import io.aclens.collector.service.ScanStatus;
import io.aclens.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Turns an agent's upload into a scan: checks the client's token, validates and spools the whole upload,
 * and only then queues it for publishing — a rejected upload publishes nothing at all.
 */
@ApplicationScoped
public class AgentUploadService {
    private final ScanService scans;
    private final CollectorConfig config;

    public AgentUploadService(ScanService scans, CollectorConfig config) {
        this.scans = scans;
        this.config = config;
    }

    public ScanStatus ingest(String clientId, String sourceId, String root, String authorization, InputStream body) {
        ScanService.requireClientId(clientId);
        authorize(clientId, authorization);
        if (sourceId == null || sourceId.isBlank()) {
            throw ProblemException.badRequest("sourceId is required");
        }
        Path spool;
        try {
            spool = Files.createTempFile("aclens-upload-", ".ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a spool file for the upload", e);
        }
        try {
            AgentUploadReader.Spooled upload = AgentUploadReader.spool(body, config.maxUploadBytes(), spool);
            return scans.submit(clientId, sourceId, root == null ? sourceId : root, new AgentUploadSource(upload, root), () -> delete(spool));
        } catch (IOException | RuntimeException e) {
            delete(spool);
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(400, "Invalid Upload", "the upload could not be read: " + e.getMessage());
        }
    }

    private void authorize(String clientId, String authorization) {
        String expected = config.agentTokens().get(clientId);
        if (expected == null) {
            throw new ProblemException(401, "Unauthorized", "no agent token is configured for client " + clientId
                    + " (aclens.collector.agent-tokens." + clientId + ")");
        }
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "Unauthorized", "missing or wrong bearer token for client " + clientId);
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
