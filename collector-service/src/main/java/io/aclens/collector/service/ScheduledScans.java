package io.aclens.collector.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.directory.DirectorySyncService;
import io.aclens.collector.registry.Registrations;
import io.aclens.collector.repository.StoredRegistration;
import io.aclens.collector.smb.SmbScanService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scan and directory sync schedules: those of the configuration files, registered when the collector starts, and
 * those of registered sources and directories, kept in step with the registry whenever it changes — a source added,
 * changed or removed over the API is scheduled, rescheduled or unscheduled without a restart.
 */
@ApplicationScoped
public class ScheduledScans {
    private static final Logger LOG = Logger.getLogger(ScheduledScans.class);
    private static final String REGISTERED = "registered-";

    private final Scheduler scheduler;
    private final Registrations registrations;
    private final OnboardingService onboarding;
    /** Job identity → the cron it was scheduled with, for the registered schedules. */
    private final Map<String, String> registered = new HashMap<>();
    private final MeterRegistry registry;

    public ScheduledScans(Scheduler scheduler, Registrations registrations, OnboardingService onboarding, MeterRegistry registry) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.registrations = registrations;
        this.onboarding = onboarding;
    }

    void start(@Observes StartupEvent start, CollectorConfig config, ScanService scans, SmbScanService smb, DirectorySyncService directories) {
        config.directories().forEach((name, directory) -> directory.cron().ifPresent(cron ->
                schedule("directory-sync-" + name, cron, "sync of directory " + name + " for client " + directory.clientId(),
                        () -> directories.start(name))));
        config.smbSources().forEach((name, source) -> source.cron().ifPresent(cron ->
                schedule("smb-scan-" + name, cron, "scan of SMB source " + name + " for client " + source.clientId(), () -> smb.start(name))));
        config.schedules().forEach((name, schedule) -> {
            ScanRequest request = new ScanRequest(schedule.clientId(), schedule.root(), schedule.sourceId().orElse(null),
                    schedule.maxDepth().orElse(null), null, null);
            schedule("scan-" + name, schedule.cron(), "scan " + name + " of " + schedule.root() + " for client " + schedule.clientId(),
                    () -> scans.start(request));
        });
        registrations.refresh();
        scheduler.newJob("registry-refresh").setInterval(config.registryRefresh().toSeconds() + "s").setTask(execution -> {
            try {
                registrations.refresh();
            } catch (RuntimeException e) {
                LOG.warnf("Cannot re-read the registry (schedules stay as they were): %s", e.getMessage());
            }
        }).schedule();
    }

    private void runs(String job, String outcome) {
        Counter.builder("aclens.scheduled.runs").description("Scheduled scans and directory syncs at their time, by whether they started")
                .tag("job", job).tag("outcome", outcome).register(registry).increment();
    }

    /** Brings the registered schedules in step with the registry: only jobs whose cron changed are replaced. */
    synchronized void reconcile(@Observes Registrations.Changed changed) {
        Map<String, String> wanted = new HashMap<>();
        Map<String, Runnable> tasks = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (StoredRegistration source : registrations.sources()) {
            if (source.cron() != null) {
                String job = REGISTERED + "source-" + source.clientId() + "/" + source.name();
                wanted.put(job, source.cron());
                tasks.put(job, () -> onboarding.scanSource(source.clientId(), source.name()));
                descriptions.put(job, "scan of " + OnboardingService.describe(source));
            }
        }
        for (StoredRegistration directory : registrations.directories()) {
            if (directory.cron() != null) {
                String job = REGISTERED + "directory-" + directory.clientId() + "/" + directory.name();
                wanted.put(job, directory.cron());
                tasks.put(job, () -> onboarding.syncDirectory(directory.clientId(), directory.name()));
                descriptions.put(job, "sync of " + OnboardingService.describe(directory));
            }
        }
        registered.entrySet().removeIf(job -> {
            boolean stale = !job.getValue().equals(wanted.get(job.getKey()));
            if (stale) {
                scheduler.unscheduleJob(job.getKey());
                LOG.infof("Unscheduled %s", job.getKey().substring(REGISTERED.length()));
            }
            return stale;
        });
        wanted.forEach((job, cron) -> {
            if (!registered.containsKey(job)) {
                schedule(job, cron, descriptions.get(job), tasks.get(job));
                registered.put(job, cron);
            }
        });
    }

    /**
     * A cron job that starts a run; a run that cannot start is logged and counted ({@code aclens_scheduled_runs_total}
     * with outcome {@code not-started}: a missed scheduled scan, which the alert rules report), and the schedule goes on.
     */
    private void schedule(String job, String cron, String what, Runnable startRun) {
        scheduler.newJob(job).setCron(cron).setTask(execution -> {
            try {
                startRun.run();
                runs(job, "started");
            } catch (RuntimeException e) {
                runs(job, "not-started");
                LOG.errorf("Scheduled %s could not start: %s", what, e.getMessage());
            }
        }).schedule();
        LOG.infof("Scheduled %s: %s", what, cron);
    }
}
