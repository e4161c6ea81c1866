package io.aclens.diff.mapping;

import static io.aclens.support.persistence.Timestamps.instant;

import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.contracts.api.ChangeSetView;
import io.aclens.contracts.api.ChangeView;
import io.aclens.diff.model.AccessChangeEntity;
import io.aclens.diff.model.ChangeSetEntity;

public final class ChangeMapper {
    private ChangeMapper() {
    }

    public static ChangeView toView(AccessChangeEntity c) {
        return new ChangeView(c.changeId, c.snapshotId, c.clientId, c.sourceId, c.path, ChangeKind.valueOf(c.kind), c.principalSid,
                c.principalName, level(c.beforeLevel), level(c.afterLevel), ChangeCause.valueOf(c.cause), c.detectedAt.toInstant());
    }

    public static ChangeSetView toView(ChangeSetEntity s) {
        return new ChangeSetView(s.snapshotId, s.previousSnapshotId, s.clientId, s.sourceId, s.changeCount, s.baseline,
                instant(s.scanCompletedAt), instant(s.computedAt));
    }

    private static Level level(String name) {
        return name == null ? null : Level.valueOf(name);
    }
}
