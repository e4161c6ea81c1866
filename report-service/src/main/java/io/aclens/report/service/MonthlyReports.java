package io.aclens.report.service;

import io.aclens.report.repository.ReportStore;
import io.aclens.report.repository.SourceStateRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The scheduled report of every known client. The period is the month that just ended; the unique
 * (client, period) key makes sure a client gets one report per period even with several replicas.
 */
@ApplicationScoped
public class MonthlyReports {
    private static final Logger LOG = Logger.getLogger(MonthlyReports.class);
    private static final Duration DB_TIMEOUT = Duration.ofMinutes(1);

    private final ReportService reports;
    private final SourceStateRepository sources;
    private final ReportStore store;

    public MonthlyReports(ReportService reports, SourceStateRepository sources, ReportStore store) {
        this.reports = reports;
        this.sources = sources;
        this.store = store;
    }

    @Scheduled(cron = "${aclens.report.cron}", identity = "monthly-reports", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        generateFor(YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString());
    }

    /** Generates the period's report for each known client that has none yet; returns how many were made. */
    public int generateFor(String period) {
        int made = 0;
        for (String client : sources.clients().await().atMost(DB_TIMEOUT)) {
            try {
                if (!store.hasPeriod(client, period).await().atMost(DB_TIMEOUT)) {
                    try (ReportService.Generated generated = reports.generate(client, "SCHEDULED", period)) {
                        made += generated.stored().isPresent() ? 1 : 0;
                    }
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Scheduled report %s of client %s failed; the next run retries it", period, client);
            }
        }
        return made;
    }
}
