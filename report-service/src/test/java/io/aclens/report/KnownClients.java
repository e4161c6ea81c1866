package io.aclens.report;

import io.aclens.access.Ace;
import io.aclens.access.AccessMask;
import io.aclens.access.ChangeCause;
import io.aclens.access.ChangeKind;
import io.aclens.access.Level;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.contracts.ChangeSetCompleted;
import io.aclens.contracts.Topics;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.FolderPage;
import io.aclens.contracts.api.FolderView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.KafkaTestClient;
import io.aclens.testing.tracing.TestTraces;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A client the report service knows: one source of two folders in the stubbed snapshot service, one ACL change. */
final class KnownClients {
    private KnownClients() {
    }

    static String add(KafkaTestClient kafka) {
        return add(kafka, false);
    }

    /** @param risky Everyone may also change /srv/Finance, and the stubbed diff service reports it as granted */
    static String add(KafkaTestClient kafka, boolean risky) {
        return add(kafka, risky, null);
    }

    /** The same, its change set sent as part of {@code trace} (none when null). */
    static String add(KafkaTestClient kafka, boolean risky, TestTraces.Caller trace) {
        String client = "acme-" + UUID.randomUUID();
        long snapshotId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        Principal bob = new Principal("S-1-22-1-1001", "bob", "Bob Builder", PrincipalKind.USER);
        UpstreamServicesStub.PRINCIPALS.put(client, List.of(bob));
        UpstreamServicesStub.SNAPSHOTS.put(snapshotId, new SnapshotView(snapshotId, client, "fs1", "scan", "/srv", null, 2, 0, Instant.now(), Instant.now()));
        UpstreamServicesStub.FOLDERS.put(snapshotId, new FolderPage(List.of(
                new FolderView("/srv", 0, bob.sid(), null, false, "a", List.of(Ace.allow(bob.sid(), AccessMask.FULL_CONTROL)), null, null),
                new FolderView("/srv/Finance", 1, bob.sid(), null, false, "b", risky
                        ? List.of(Ace.allow(bob.sid(), AccessMask.READ), Ace.allow(WellKnownSids.EVERYONE, AccessMask.MODIFY))
                        : List.of(Ace.allow(bob.sid(), AccessMask.READ)), null, null)), null));
        ChangeView lowered = new ChangeView(1, snapshotId, client, "fs1", "/srv/Finance", ChangeKind.LOWERED, bob.sid(), "bob", Level.MODIFY,
                Level.READ, ChangeCause.ACL_EDIT, Instant.now());
        UpstreamServicesStub.CHANGES.put(client, risky ? List.of(lowered, new ChangeView(2, snapshotId, client, "fs1", "/srv/Finance",
                ChangeKind.GRANTED, WellKnownSids.EVERYONE, "Everyone", Level.NONE, Level.MODIFY, ChangeCause.ACL_EDIT, Instant.now()))
                : List.of(lowered));
        ChangeSetCompleted changeSet = new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(snapshotId), snapshotId, snapshotId - 1, client,
                "fs1", 1, false, Instant.now(), Instant.now());
        if (trace == null) {
            kafka.send(Topics.CHANGE_SETS, changeSet);
        } else {
            kafka.send(Topics.CHANGE_SETS, changeSet, trace);
        }
        return client;
    }

    /**
     * A rescan of a client added above, in the stubbed snapshot service: bob may now change /srv/Finance. Its change set
     * is not sent.
     *
     * @return the change set to send
     */
    static ChangeSetCompleted rescanGrantingBobModify(String client, long previousSnapshotId) {
        long snapshotId = previousSnapshotId + 1;
        String bob = "S-1-22-1-1001";
        UpstreamServicesStub.SNAPSHOTS.put(snapshotId, new SnapshotView(snapshotId, client, "fs1", "scan", "/srv", null, 2, 0, Instant.now(), Instant.now()));
        UpstreamServicesStub.FOLDERS.put(snapshotId, new FolderPage(List.of(
                new FolderView("/srv", 0, bob, null, false, "a", List.of(Ace.allow(bob, AccessMask.FULL_CONTROL)), null, null),
                new FolderView("/srv/Finance", 1, bob, null, false, "c", List.of(Ace.allow(bob, AccessMask.MODIFY)), null, null)), null));
        return new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(snapshotId), snapshotId, previousSnapshotId, client, "fs1", 1, false,
                Instant.now(), Instant.now());
    }

    /**
     * A client whose workbook is larger than the test profile's attachment limit: {@code folders} folders with long
     * names, each granting a different account, so every folder differs from its parent and stays in the package.
     */
    static String addLarge(KafkaTestClient kafka, int folders) {
        String client = "large-" + UUID.randomUUID();
        long snapshotId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        Principal bob = new Principal("S-1-22-1-1001", "bob", "Bob Builder", PrincipalKind.USER);
        UpstreamServicesStub.PRINCIPALS.put(client, List.of(bob));
        UpstreamServicesStub.SNAPSHOTS.put(snapshotId, new SnapshotView(snapshotId, client, "fs1", "scan", "/srv", null, folders + 1, 0,
                Instant.now(), Instant.now()));
        List<FolderView> views = new java.util.ArrayList<>();
        views.add(new FolderView("/srv", 0, bob.sid(), null, false, "root", List.of(Ace.allow(bob.sid(), AccessMask.FULL_CONTROL)), null, null));
        for (int i = 0; i < folders; i++) {
            String account = "S-1-22-1-" + (20_000 + i);
            views.add(new FolderView("/srv/" + UUID.randomUUID() + "-" + UUID.randomUUID(), 1, bob.sid(), null, false, "acl-" + i,
                    List.of(Ace.allow(bob.sid(), AccessMask.FULL_CONTROL), Ace.allow(account, AccessMask.READ)), null, null));
        }
        UpstreamServicesStub.FOLDERS.put(snapshotId, new FolderPage(views, null));
        UpstreamServicesStub.CHANGES.put(client, List.of());
        kafka.send(Topics.CHANGE_SETS, new ChangeSetCompleted(ChangeSetCompleted.eventIdFor(snapshotId), snapshotId, snapshotId - 1, client,
                "fs1", 0, false, Instant.now(), Instant.now()));
        return client;
    }
}
