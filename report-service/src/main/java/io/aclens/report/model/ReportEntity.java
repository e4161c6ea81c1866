package io.aclens.report.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Report metadata; the workbook itself lives in report_content. */
@Entity
@Table(name = "report")
public class ReportEntity {
    @Id
    @Column(name = "report_id")
    public Long reportId;
    @Column(name = "client_id")
    public String clientId;
    public String period;
    public String trigger;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "snapshot_ids")
    public String snapshotIds;
    @Column(name = "folder_count")
    public long folderCount;
    @Column(name = "change_count")
    public long changeCount;
}
