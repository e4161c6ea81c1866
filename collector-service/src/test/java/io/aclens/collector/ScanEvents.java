package io.aclens.collector;

import io.aclens.access.Principal;
import io.aclens.contracts.ScanEvent;
import io.aclens.contracts.ScanPrincipalsCollected;
import java.util.List;

/** What a scan's events say, gathered across them. */
final class ScanEvents {
    private ScanEvents() {
    }

    /** The principals the scan's chunks named, in order. */
    static List<Principal> principals(List<? extends ScanEvent> events) {
        return events.stream().filter(ScanPrincipalsCollected.class::isInstance).map(ScanPrincipalsCollected.class::cast)
                .flatMap(chunk -> chunk.principals().stream()).toList();
    }
}
