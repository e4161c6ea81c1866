package io.aclens.snapshot.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "scan")
public class ScanEntity {
    @Id
    @Column(name = "scan_id")
    public String scanId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "source_id")
    public String sourceId;
    public String root;
    public String status;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "expected_folders")
    public Long expectedFolders;
    @Column(name = "error_count")
    public Long errorCount;
    /** JSON array text. */
    public String unreadable;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "last_event_at")
    public OffsetDateTime lastEventAt;
    public String reason;
    @Column(name = "snapshot_id")
    public Long snapshotId;
    @Column(name = "baseline_snapshot_id")
    public Long baselineSnapshotId;
    @Column(name = "unchanged_folders")
    public Long unchangedFolders;
}
