package io.aclens.collector.service;

import io.aclens.collector.config.CollectorConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Registers the configured scan and directory sync schedules when the collector starts. */
@ApplicationScoped
public class ScheduledScans {
    private static final Logger LOG = Logger.getLogger(ScheduledScans.class);

    void register(@Observes StartupEvent start, Scheduler scheduler, CollectorConfig config, ScanService scans,
                  io.aclens.collector.smb.SmbScanService smb, io.aclens.collector.directory.DirectorySyncService directories) {
        config.directories().forEach((name, directory) -> directory.cron().ifPresent(cron ->
                schedule(scheduler, "directory-sync-" + name, cron, "sync of directory " + name + " for client " + directory.clientId(),
                        () -> directories.start(name))));
        config.smbSources().forEach((name, source) -> source.cron().ifPresent(cron ->
                schedule(scheduler, "smb-scan-" + name, cron, "scan of SMB source " + name + " for client " + source.clientId(),
                        () -> smb.start(name))));
        config.schedules().forEach((name, schedule) -> {
            ScanRequest request = new ScanRequest(schedule.clientId(), schedule.root(), schedule.sourceId().orElse(null),
                    schedule.maxDepth().orElse(null), null, null);
            schedule(scheduler, "scan-" + name, schedule.cron(), "scan " + name + " of " + schedule.root() + " for client "
                    + schedule.clientId(), () -> scans.start(request));
        });
    }

    /** A cron job that starts a run; a run that cannot start is logged, and the schedule goes on. */
    private static void schedule(Scheduler scheduler, String job, String cron, String what, Runnable startRun) {
        scheduler.newJob(job).setCron(cron).setTask(execution -> {
            try {
                startRun.run();
            } catch (RuntimeException e) {
                LOG.errorf("Scheduled %s could not start: %s", what, e.getMessage());
            }
        }).schedule();
        LOG.infof("Scheduled %s: %s", what, cron);
    }
}
