package io.aclens.contracts;

/**
 * The lifecycle of one scan: started, then its folders in batches (or, from collectors before batches, one event per
 * folder), then completed or failed. Keyed by scan id.
 */
public sealed interface ScanEvent extends AclensEvent permits ScanStarted, FoldersScanned, FolderScanned, ScanHeartbeat, ScanPrincipalsCollected, ScanCompleted, ScanFailed {
    String scanId();

    String clientId();

    String sourceId();

    @Override
    default String partitionKey() {
        return scanId();
    }
}
