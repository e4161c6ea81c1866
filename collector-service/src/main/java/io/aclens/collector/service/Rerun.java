package io.aclens.collector.service;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a queued scan is run again after the collector stopped before it ended: what the scan was started from. Uploads
 * have none (their spooled body is gone with the process) and are failed visibly instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Rerun.LocalTree.class, name = "local-tree"),
        @JsonSubTypes.Type(value = Rerun.SmbShare.class, name = "smb-share")})
public sealed interface Rerun {
    /** A tree on the collector's host, as requested (POST /api/v1/scans, a schedule, or a registered Linux source). */
    record LocalTree(ScanRequest request) implements Rerun {
    }

    /**
     * One share of an SMB source: registered ({@code clientId} and {@code name} of the registration) or configured
     * ({@code clientId} null, {@code name} of aclens.collector.smb-sources.*).
     */
    record SmbShare(String clientId, String name, String share) implements Rerun {
    }
}
