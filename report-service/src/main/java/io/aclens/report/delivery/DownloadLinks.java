package io.aclens.report.delivery;

import io.aclens.report.repository.DownloadLinkRepository;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links for packages larger than {@code aclens.report.attachment-limit}: mail servers refuse large attachments (10–25 MB
 * is common), and a recipient has no API account, so the link's random token is the credential — 256 bits, kept only as
 * its SHA-256, valid for {@code aclens.report.download-link-ttl}, naming one client's one report.
 */
@ApplicationScoped
public class DownloadLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final DownloadLinkRepository links;
    private final String publicUrl;
    private final Duration ttl;
    private final long attachmentLimit;

    public DownloadLinks(DownloadLinkRepository links, @ConfigProperty(name = "aclens.report.public-url") String publicUrl,
                         @ConfigProperty(name = "aclens.report.download-link-ttl") Duration ttl,
                         @ConfigProperty(name = "aclens.report.attachment-limit") MemorySize attachmentLimit) {
        this.links = links;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.ttl = ttl;
        this.attachmentLimit = attachmentLimit.asLongValue();
    }

    /** A link as mailed. */
    public record Issued(String url, Instant expiresAt) {
    }

    public boolean tooLargeToAttach(long workbookBytes) {
        return workbookBytes > attachmentLimit;
    }

    public Issued issue(String clientId, long reportId, Long deliveryId) {
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = Instant.now().plus(ttl);
        links.save(hash(token), clientId, reportId, deliveryId, expiresAt).await().atMost(DB_TIMEOUT);
        return new Issued(publicUrl + "/api/v1/clients/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/downloads/" + token, expiresAt);
    }

    /** The report a client's link opens, with its expiry (the download is counted only while it is valid); empty when unknown. */
    public Uni<Optional<DownloadLinkRepository.Link>> use(String clientId, String token) {
        return links.use(hash(token), clientId, Instant.now());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
