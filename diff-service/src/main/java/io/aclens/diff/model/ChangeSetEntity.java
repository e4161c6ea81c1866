package io.aclens.diff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "change_set")
public class ChangeSetEntity {
    @Id
    @Column(name = "snapshot_id")
    public Long snapshotId;
    @Column(name = "previous_snapshot_id")
    public Long previousSnapshotId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "change_count")
    public long changeCount;
    public boolean baseline;
    @Column(name = "scan_completed_at")
    public OffsetDateTime scanCompletedAt;
    @Column(name = "computed_at")
    public OffsetDateTime computedAt;
}
