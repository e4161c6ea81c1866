package io.aclens.collector.service;

import io.aclens.access.Ace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Counts what a source emitted — folders, errors, the first unreadable folders, every SID named — and passes each folder on. Thread-safe: parallel sources add from several threads. */
public final class CollectionTally {
    private static final int MAX_LISTED_UNREADABLE = 1000;
    /** DACLs remembered by identity, at most: a few MiB even where each folder's list is its own (SMB). */
    private static final int MAX_DACLS_SEEN = 10_000;
    /** The listed folders' text, at most: the completion that carries them stays far below Kafka's 1 MiB message limit. */
    private static final int MAX_LISTED_UNREADABLE_CHARS = 256 * 1024;

    /** Receives each folder with why its contents could not be listed (null when they were). */
    private final BiConsumer<CollectedFolder, String> sink;
    private final List<String> unreadable = new ArrayList<>();
    private final Set<String> sids = new LinkedHashSet<>();
    /** DACLs whose SIDs are in {@link #sids}, by identity: a POSIX tree's source hands the same list for folders alike. */
    private final Set<List<Ace>> daclsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long folders;
    private long errors;
    private long listedChars;

    public CollectionTally(BiConsumer<CollectedFolder, String> sink) {
        this.sink = sink;
    }

    /** @param listError why the folder's contents could not be listed (whether or not its own security was read), else null */
    public void add(CollectedFolder folder, String listError) {
        synchronized (this) {
            folders++;
            if (folder.readError() != null) {
                error(folder.path(), folder.readError());
            } else if (listError != null) {
                error(folder.path(), listError);
            }
            if (folder.ownerSid() != null) {
                sids.add(folder.ownerSid());
            }
            if (folder.groupSid() != null) {
                sids.add(folder.groupSid());
            }
            if (daclsSeen.size() >= MAX_DACLS_SEEN || daclsSeen.add(folder.dacl())) {
                folder.dacl().forEach(ace -> sids.add(ace.sid()));
            }
        }
        // outside the lock: publishing may wait for Kafka, and parallel sources must not queue behind it
        sink.accept(folder, listError);
    }

    public synchronized void error(String path, String reason) {
        errors++;
        String listed = path + " (" + reason + ")";
        if (unreadable.size() < MAX_LISTED_UNREADABLE && listedChars + listed.length() <= MAX_LISTED_UNREADABLE_CHARS) {
            unreadable.add(listed);
            listedChars += listed.length();
        }
    }

    public synchronized long folders() {
        return folders;
    }

    public long errors() {
        return errors;
    }

    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    public Set<String> sids() {
        return sids;
    }
}
