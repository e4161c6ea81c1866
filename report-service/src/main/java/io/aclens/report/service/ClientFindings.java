package io.aclens.report.service;

import io.aclens.access.findings.Finding;
import io.aclens.access.findings.RiskFindings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The risks of a client's sources as loaded, most severe first. */
public final class ClientFindings {
    private ClientFindings() {
    }

    public static List<Finding> of(ClientStateLoader.Loaded state, Instant now) {
        return state.sources().stream()
                .flatMap(source -> RiskFindings.evaluate(source.snapshot().sourceId(), source.groups().rows(), source.people(), source.directory(), now)
                        .stream())
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::kind).thenComparing(Finding::sourceId)
                        .thenComparing(Finding::subject)).toList();
    }
}
