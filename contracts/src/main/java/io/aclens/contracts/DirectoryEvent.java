package io.aclens.contracts;

/** The lifecycle of one directory sync: started, entries in chunks, then completed or failed. Keyed by sync id. */
public sealed interface DirectoryEvent extends AclensEvent
        permits DirectorySyncStarted, DirectoryEntriesCollected, DirectorySyncCompleted, DirectorySyncFailed {
    String syncId();

    String clientId();

    String directoryId();

    @Override
    default String partitionKey() {
        return syncId();
    }
}
