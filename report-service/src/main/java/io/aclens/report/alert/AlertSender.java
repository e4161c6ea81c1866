package io.aclens.report.alert;

import io.aclens.report.delivery.RetryBackoff;
import io.aclens.report.repository.AlertRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends alerts one at a time, claimed like packages: by e-mail, or to a webhook as JSON signed with the channel's key
 * ({@code X-ACLens-Signature-256: sha256=<hex HMAC-SHA256 of the body>}); any answer but 2xx is retried with a doubling
 * wait, the reason kept in the alert log.
 */
@ApplicationScoped
public class AlertSender {
    public static final String SIGNATURE_HEADER = "X-ACLens-Signature-256";
    private static final Logger LOG = Logger.getLogger(AlertSender.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AlertRepository alerts;
    private final ReactiveMailer mailer;
    private final Duration smtpTimeout;
    private final RetryBackoff backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertSender(AlertRepository alerts, ReactiveMailer mailer, @ConfigProperty(name = "aclens.report.smtp-timeout") Duration smtpTimeout,
                       @ConfigProperty(name = "aclens.report.alert-retry") Duration firstRetry) {
        this.alerts = alerts;
        this.mailer = mailer;
        this.smtpTimeout = smtpTimeout;
        this.backoff = new RetryBackoff(firstRetry);
    }

    @Scheduled(every = "${aclens.report.alert-poll}", identity = "alert-sender", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        while (sendNext()) {
            // until none is due
        }
    }

    public boolean sendNext() {
        Optional<AlertRepository.Claimed> claimed = alerts.claimNext(LEASE).await().atMost(DB_TIMEOUT);
        claimed.ifPresent(this::send);
        return claimed.isPresent();
    }

    private void send(AlertRepository.Claimed claimed) {
        long id = claimed.alert().alertId();
        try {
            if ("WEBHOOK".equals(claimed.kind())) {
                post(claimed);
            } else {
                mailer.send(new Mail().setSubject(claimed.alert().subject()).setText(claimed.body()).setTo(Arrays.stream(claimed.target().split(","))
                        .map(String::strip).filter(a -> !a.isEmpty()).toList())).await().atMost(smtpTimeout);
            }
            alerts.sent(id).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException | IOException e) {
            Duration wait = backoff.after(claimed.alert().attempts());
            String reason = RetryBackoff.reason(e);
            LOG.warnf("Alert %d of %s to %s not sent (attempt %d): %s; next try in %s", id, claimed.alert().clientId(), claimed.alert().channel(),
                    claimed.alert().attempts(), reason, wait);
            alerts.failed(id, reason, Instant.now().plus(wait)).await().atMost(DB_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(AlertRepository.Claimed claimed) throws IOException, InterruptedException {
        byte[] body = claimed.body().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(claimed.target())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-ACLens-Event", claimed.alert().eventKey())
                .header("X-ACLens-Alert-Id", String.valueOf(claimed.alert().alertId()))
                .header(SIGNATURE_HEADER, WebhookSignature.of(claimed.secret(), body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException("the webhook answered " + response.statusCode() + (answer.isEmpty() ? "" : ": "
                    + answer.substring(0, Math.min(200, answer.length()))));
        }
    }
}
