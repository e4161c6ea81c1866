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
        config.directories().forEach((name, directory) -> directory.cron().ifPresent(cron -> {
            scheduler.newJob("directory-sync-" + name).setCron(cron).setTask(execution -> {
                try {
                    directories.start(name);
                } catch (RuntimeException e) {
                    LOG.errorf("Scheduled sync of directory %s could not start: %s", name, e.getMessage());
                }
            }).schedule();
            LOG.infof("Scheduled sync of directory %s for client %s: %s", name, directory.clientId(), cron);
        }));
        config.smbSources().forEach((name, source) -> source.cron().ifPresent(cron -> {
            scheduler.newJob("smb-scan-" + name).setCron(cron).setTask(execution -> {
                try {
                    smb.start(name);
                } catch (RuntimeException e) {
                    LOG.errorf("Scheduled scan of SMB source %s could not start: %s", name, e.getMessage());
                }
            }).schedule();
            LOG.infof("Scheduled scan of SMB source %s for client %s: %s", name, source.clientId(), cron);
        }));
        config.schedules().forEach((name, schedule) -> {
            ScanRequest request = new ScanRequest(schedule.clientId(), schedule.root(), schedule.sourceId().orElse(null),
                    schedule.maxDepth().orElse(null), null, null);
            scheduler.newJob("scan-" + name)
                    .setCron(schedule.cron())
                    .setTask(execution -> {
                        try {
                            scans.start(request);
                        } catch (RuntimeException e) {
                            LOG.errorf("Scheduled scan %s could not start: %s", name, e.getMessage());
                        }
                    })
                    .schedule();
            LOG.infof("Scheduled scan %s of %s for client %s: %s", name, schedule.root(), schedule.clientId(), schedule.cron());
        });
    }
}
