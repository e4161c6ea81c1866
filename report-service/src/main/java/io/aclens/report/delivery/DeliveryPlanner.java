package io.aclens.report.delivery;

import io.aclens.report.delivery.DeliverySchedule.Cadence;
import io.aclens.report.repository.DeliveryRepository;
import io.aclens.report.repository.DeliveryRepository.NewDelivery;
import io.aclens.report.repository.SubscriptionRepository;
import io.aclens.report.repository.SubscriptionRepository.Subscription;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the delivery log's rows: for every subscription, the period of its schedule's latest firing gets its row (once,
 * whichever replica writes it). Run at start and every {@code aclens.report.delivery-check}, so a firing missed while the
 * service was down is delivered when it is back.
 */
@ApplicationScoped
public class DeliveryPlanner {
    /** The period of a "run now" delivery starts with this, then the instant it was asked for. */
    public static final String RUN_NOW_PREFIX = "now-";
    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;

    public DeliveryPlanner(SubscriptionRepository subscriptions, DeliveryRepository deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @Scheduled(every = "${aclens.report.delivery-check}", identity = "delivery-planner", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planDue() {
        plan(Instant.now());
    }

    /** Adds the due rows as of {@code now}; returns how many were new. */
    public int plan(Instant now) {
        int added = 0;
        for (Subscription subscription : subscriptions.all().await().atMost(DB_TIMEOUT)) {
            try {
                var due = schedule(subscription).lastDue(now, subscription.createdAt());
                if (due.isPresent() && deliveries.ensure(new NewDelivery(subscription.clientId(), subscription.name(), due.get().period().key(),
                        due.get().period().start().toInstant(), due.get().period().end().toInstant(), messageId())).await().atMost(DB_TIMEOUT)) {
                    LOG.infof("Package %s of %s/%s is due (fired %s)", due.get().period().key(), subscription.clientId(), subscription.name(),
                            due.get().firedAt());
                    added++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Cannot plan the deliveries of %s/%s; the next check retries", subscription.clientId(), subscription.name());
            }
        }
        return added;
    }

    /** A delivery of the changes since the previous package, due at once. */
    public NewDelivery runNow(String clientId, String subscription, Instant now) {
        return new NewDelivery(clientId, subscription, RUN_NOW_PREFIX + now, null, null, messageId());
    }

    public static DeliverySchedule schedule(Subscription subscription) {
        return DeliverySchedule.of(Cadence.valueOf(subscription.cadence()), subscription.cron(), subscription.timeZone());
    }

    /** Unique per delivery and kept with it, so a resent package is recognisably the same message. */
    private static String messageId() {
        return "<delivery." + UUID.randomUUID() + "@aclens>";
    }
}
