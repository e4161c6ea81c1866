package io.aclens.snapshot.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "snapshot")
public class SnapshotEntity {
    @Id
    @Column(name = "snapshot_id")
    public Long snapshotId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "scan_id")
    public String scanId;
    public String root;
    @Column(name = "previous_snapshot_id")
    public Long previousSnapshotId;
    @Column(name = "folder_count")
    public long folderCount;
    @Column(name = "error_count")
    public long errorCount;
    @Column(name = "scan_completed_at")
    public OffsetDateTime scanCompletedAt;
    @Column(name = "committed_at")
    public OffsetDateTime committedAt;
    /** JSON of {@link io.aclens.contracts.SourceServer}, or null. */
    public String server;
}
