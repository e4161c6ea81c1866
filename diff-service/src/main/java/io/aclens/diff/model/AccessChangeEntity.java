package io.aclens.diff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "access_change")
public class AccessChangeEntity {
    @Id
    @Column(name = "change_id")
    public Long changeId;
    @Column(name = "snapshot_id")
    public long snapshotId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "source_id")
    public String sourceId;
    public String path;
    public String kind;
    @Column(name = "principal_sid")
    public String principalSid;
    @Column(name = "principal_name")
    public String principalName;
    @Column(name = "before_level")
    public String beforeLevel;
    @Column(name = "after_level")
    public String afterLevel;
    public String cause;
    @Column(name = "detected_at")
    public OffsetDateTime detectedAt;
}
