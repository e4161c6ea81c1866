package io.aclens.snapshot.mapping;

import static io.aclens.support.persistence.Timestamps.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.SourceServer;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.snapshot.model.ScanEntity;
import io.aclens.snapshot.model.SnapshotEntity;
import java.io.IOException;
import java.util.List;

public final class ViewMapper {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private ViewMapper() {
    }

    public static SnapshotView toView(SnapshotEntity s) {
        return new SnapshotView(s.snapshotId, s.clientId, s.sourceId, s.scanId, s.root, s.previousSnapshotId, s.folderCount,
                s.errorCount, instant(s.scanCompletedAt), instant(s.committedAt), server(s.server));
    }

    public static ScanView toView(ScanEntity s) {
        return new ScanView(s.scanId, s.clientId, s.sourceId, s.root, s.status, instant(s.startedAt), instant(s.completedAt),
                s.expectedFolders, s.errorCount, unreadable(s.unreadable), s.durationMs, s.reason, s.snapshotId, s.baselineSnapshotId,
                s.unchangedFolders);
    }

    private static SourceServer server(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, SourceServer.class);
        } catch (IOException e) {
            throw new IllegalStateException("snapshot.server holds JSON this service did not write", e);
        }
    }

    private static List<String> unreadable(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, STRINGS);
        } catch (IOException e) {
            return List.of(json);
        }
    }
}
