package io.aclens.cli.ops;

import io.aclens.contracts.api.AuditEntryView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who read or changed a client's data, and when, from the audit trail the collector keeps (role msp-admin). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = {
        "Prints who read or changed a client's data (every service's API), newest first.",
        "  ./aclens audit --client acme",
        "  ./aclens audit --from 2026-11-01T00:00:00Z           every client, and MSP-wide calls"})
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    AclensApi api = new AclensApi();

    @Option(names = "--client", description = "One client (default: every client, with MSP-wide calls).")
    String clientId;

    @Option(names = "--from", description = "From this instant (default: 30 days ago).")
    String from;

    @Option(names = "--limit", defaultValue = "200", description = "At most this many entries (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        return Outcome.of(() -> {
            String path = (clientId == null ? "/api/v1/audit" : "/api/v1/clients/" + AclensApi.segment(clientId) + "/audit") + "?limit=" + limit
                    + (from == null ? "" : "&from=" + AclensApi.segment(from));
            AuditEntryView[] entries = api.get(path, AuditEntryView[].class);
            System.out.printf("%-24s %-10s %-24s %-14s %-6s %-4s %s%n", "WHEN", "CLIENT", "WHO", "ROLE", "METHOD", "HTTP", "WHAT");
            for (AuditEntryView e : entries) {
                System.out.printf("%-24s %-10s %-24s %-14s %-6s %-4d %s%n", e.at(), e.clientId() == null ? "-" : e.clientId(),
                        e.holder() + (e.tokenId() == null ? "" : " (" + e.tokenId().substring(0, Math.min(8, e.tokenId().length())) + ")"),
                        e.role(), e.method(), e.status(), e.service().replace("aclens-", "") + " " + e.path());
            }
            System.out.println(entries.length + " entr" + (entries.length == 1 ? "y" : "ies"));
        });
    }
}
