package io.aclens.collector.service;

import io.aclens.contracts.api.ScanStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.repository.ScanJobRepository;
import io.aclens.collector.repository.ScanJobRepository.ScanJob;
import io.aclens.collector.smb.SmbScanService;
import io.aclens.contracts.EventCodec;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Nothing queued is lost when a collector stops. Each replica renews the leases of the scans it holds; the scans of a
 * replica that stopped renewing (killed, its host gone) are taken over by one other, and a collector restarted on the
 * same host takes its predecessor's at once (a host runs one collector: two on one host would take each other's scans,
 * which costs a rescan, never a wrong snapshot): a queued scan is queued again under its id; a running one is failed visibly (the snapshot service hears
 * ScanFailed, so its half-read tree is never taken for the whole) and scanned afresh; an upload, whose spooled body died
 * with the process, is failed visibly so that its agent uploads again.
 */
@ApplicationScoped
public class ScanJobRecovery {
    private static final Logger LOG = Logger.getLogger(ScanJobRecovery.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);

    private final ScanJobRepository jobs;
    private final ScanService scans;
    private final SmbScanService smb;
    private final OnboardingService onboarding;
    private final CollectorConfig config;

    public ScanJobRecovery(ScanJobRepository jobs, ScanService scans, SmbScanService smb, OnboardingService onboarding, CollectorConfig config) {
        this.jobs = jobs;
        this.scans = scans;
        this.smb = smb;
        this.onboarding = onboarding;
        this.config = config;
    }

    void start(@Observes StartupEvent start, Scheduler scheduler) {
        takeOver();
        scheduler.newJob("scan-job-leases").setInterval(Math.max(1, scans.lease().dividedBy(3).toSeconds()) + "s").setTask(execution -> {
            try {
                jobs.renew(scans.owner(), scans.lease()).await().atMost(DATABASE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warnf("Cannot renew this collector's scan leases: %s", e.getMessage());
            }
        }).schedule();
        scheduler.newJob("scan-job-takeover").setInterval(Math.max(1, scans.lease().dividedBy(2).toSeconds()) + "s").setTask(execution -> takeOver())
                .schedule();
    }

    /** Takes over the scans whose holder stopped; returns how many. */
    public int takeOver() {
        List<ScanJob> orphans;
        try {
            orphans = jobs.takeOverExpired(scans.owner(), scans.hostPrefix(), scans.lease()).await().atMost(DATABASE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot look for scans left by a stopped collector: %s", e.getMessage());
            return 0;
        }
        for (ScanJob job : orphans) {
            try {
                recover(job);
            } catch (RuntimeException e) {
                LOG.errorf("Scan %s of %s, left by a stopped collector, could not be run again: %s", job.scanId(), job.sourceId(), e.getMessage());
                scans.failAbandoned(job, "the collector stopped before this scan ended, and it could not be queued again: " + e.getMessage());
            }
        }
        return orphans.size();
    }

    private void recover(ScanJob job) {
        Optional<Rerun> rerun = rerun(job);
        if (rerun.isEmpty()) {
            scans.failAbandoned(job, "the collector stopped before this upload was published (its body is gone with it): upload it again");
            LOG.warnf("Upload %s of %s/%s failed: the collector stopped before it was published", job.scanId(), job.clientId(), job.sourceId());
        } else if ("RUNNING".equals(job.state())) {
            scans.failAbandoned(job, "the collector stopped while this scan ran; the source is scanned again as a new scan");
            ScanStatus again = resubmit(null, rerun.get());
            LOG.warnf("Scan %s of %s/%s was running when its collector stopped: failed, and scanned again as %s", job.scanId(), job.clientId(),
                    job.sourceId(), again.scanId());
        } else {
            resubmit(job.scanId(), rerun.get());
            LOG.infof("Scan %s of %s/%s, queued when its collector stopped, is queued again", job.scanId(), job.clientId(), job.sourceId());
        }
    }

    private ScanStatus resubmit(String scanId, Rerun rerun) {
        if (rerun instanceof Rerun.LocalTree tree) {
            return scans.start(tree.request(), scanId);
        }
        Rerun.SmbShare share = (Rerun.SmbShare) rerun;
        CollectorConfig.SmbSource source = share.clientId() == null ? config.smbSources().get(share.name())
                : onboarding.registeredSmb(share.clientId(), share.name()).orElse(null);
        if (source == null) {
            throw new IllegalStateException("its SMB source " + (share.clientId() == null ? "" : share.clientId() + "/") + share.name()
                    + " is no longer registered");
        }
        return smb.rerun(scanId, "SMB source " + share.name(), source, share);
    }

    private static Optional<Rerun> rerun(ScanJob job) {
        if (job.rerun() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.mapper().readValue(job.rerun(), Rerun.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("its stored request does not read: " + e.getOriginalMessage());
        }
    }
}
