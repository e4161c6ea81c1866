package io.aclens.report.delivery;

import io.aclens.contracts.api.DeliveryView;
import io.aclens.report.repository.DeliveryRepository;
import io.aclens.report.repository.SubscriptionRepository;
import io.aclens.report.repository.SubscriptionRepository.Subscription;
import io.aclens.report.service.ReportService;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due packages: claims one delivery at a time, builds its workbook with the changes since the subscription's
 * previous package, mails it, and records the outcome. An SMTP failure is kept with its reason and retried with a
 * doubling wait ({@code aclens.report.delivery-retry}, at most an hour apart).
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final ReportService reports;
    private final PackageMail mails;
    private final DownloadLinks links;
    private final ReactiveMailer mailer;
    private final Duration smtpTimeout;
    private final RetryBackoff backoff;
    private final Duration lease;
    private final Duration defaultChangesPeriod;
    private final String owner = host() + "/" + UUID.randomUUID();

    public DeliverySender(DeliveryRepository deliveries, SubscriptionRepository subscriptions, ReportService reports, PackageMail mails,
                          DownloadLinks links, ReactiveMailer mailer, @ConfigProperty(name = "aclens.report.smtp-timeout") Duration smtpTimeout,
                          @ConfigProperty(name = "aclens.report.delivery-retry") Duration firstRetry,
                          @ConfigProperty(name = "aclens.report.delivery-lease") Duration lease,
                          @ConfigProperty(name = "aclens.report.changes-period") Duration defaultChangesPeriod) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.reports = reports;
        this.mails = mails;
        this.links = links;
        this.mailer = mailer;
        this.smtpTimeout = smtpTimeout;
        this.backoff = new RetryBackoff(firstRetry);
        this.lease = lease;
        this.defaultChangesPeriod = defaultChangesPeriod;
    }

    @Scheduled(every = "${aclens.report.delivery-poll}", identity = "delivery-sender", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        while (sendNext()) {
            // one at a time, until none is due
        }
    }

    /** Claims and sends the next due delivery; false when none was due. */
    public boolean sendNext() {
        Optional<DeliveryView> claimed = deliveries.claimNext(owner, lease).await().atMost(DB_TIMEOUT);
        claimed.ifPresent(this::send);
        return claimed.isPresent();
    }

    private void send(DeliveryView delivery) {
        try {
            Subscription subscription = subscriptions.find(delivery.clientId(), delivery.subscription()).await().atMost(DB_TIMEOUT)
                    .orElseThrow(() -> new IllegalStateException("the subscription was removed"));
            Instant changesTo = Instant.now();
            Instant changesFrom = deliveries.previousChangesTo(delivery.clientId(), delivery.subscription(), delivery.deliveryId())
                    .await().atMost(DB_TIMEOUT).orElse(changesTo.minus(defaultChangesPeriod));
            try (ReportService.Generated generated = reports.generate(new ReportService.Request(delivery.clientId(), "DELIVERY", null, changesFrom,
                    changesTo, subscription.language(), SubscriptionRequests.layout(subscription), Set.copyOf(subscription.sources())))) {
                mail(delivery, subscription, changesFrom, changesTo, generated);
            }
        } catch (RuntimeException e) {
            Duration wait = backoff.after(delivery.attempts());
            String reason = RetryBackoff.reason(e);
            LOG.warnf("Package %s of %s/%s not sent (attempt %d): %s; next try in %s", delivery.period(), delivery.clientId(),
                    delivery.subscription(), delivery.attempts(), reason, wait);
            deliveries.failed(delivery.deliveryId(), reason, Instant.now().plus(wait)).await().atMost(DB_TIMEOUT);
        }
    }

    /** The package as a mail: the workbook attached, or a download link when it is too large. */
    private void mail(DeliveryView delivery, Subscription subscription, Instant changesFrom, Instant changesTo, ReportService.Generated generated) {
        Long reportId = generated.stored().map(s -> s.reportId()).orElse(null);
        if (!subscription.sendWhenUnchanged() && generated.report().changeCount() == 0) {
            deliveries.sent(delivery.deliveryId(), "SKIPPED", reportId, changesFrom, changesTo, List.of()).await().atMost(DB_TIMEOUT);
            LOG.infof("Package %s of %s/%s skipped: nothing changed", delivery.period(), delivery.clientId(), delivery.subscription());
            return;
        }
        FindingChanges findings = FindingChanges.between(generated.findings(),
                deliveries.previousFindings(delivery.clientId(), delivery.subscription(), delivery.deliveryId()).await().atMost(DB_TIMEOUT));
        PackageSummary summary = PackageSummary.of(delivery.clientId(), delivery.period(), generated.report().folderCount(), generated.people(),
                generated.report().changeCount() - generated.effectiveChanges().size(), generated.effectiveChanges(), findings,
                subscription.language());
        long workbookBytes = generated.report().content().size();
        DownloadLinks.Issued link = reportId != null && links.tooLargeToAttach(workbookBytes)
                ? links.issue(delivery.clientId(), reportId, delivery.deliveryId()) : null;
        byte[] attached = link == null ? generated.report().content().bytes() : null;
        mailer.send(mails.compose(subscription, delivery, summary, changesFrom, changesTo, attached, link)).await().atMost(smtpTimeout);
        deliveries.sent(delivery.deliveryId(), "SENT", reportId, changesFrom, changesTo, FindingChanges.reported(generated.findings()))
                .await().atMost(DB_TIMEOUT);
        LOG.infof("Package %s of %s/%s sent to %d recipient(s) as %s%s", delivery.period(), delivery.clientId(), delivery.subscription(),
                subscription.to().size() + subscription.cc().size(), delivery.messageId(),
                link == null ? "" : ", the workbook (" + workbookBytes + " bytes) as a download link until " + link.expiresAt());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
