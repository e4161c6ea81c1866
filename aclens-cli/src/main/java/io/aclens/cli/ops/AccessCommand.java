package io.aclens.cli.ops;

import io.aclens.contracts.api.CellAccessPage;
import io.aclens.contracts.api.CellAccessView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * "Can Petrova change payroll files, and why?" answered from the running services: one folder with the reasons, or every
 * folder a person holds at least some level on.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = {"Shows what a person can access, from the running services, with the reason for each folder.",
                "  ./aclens access --client acme --user petrova",
                "  ./aclens access --client acme --user petrova --path '\\\\fs1\\share\\Finance'",
                "  with ACLENS_TOKEN set to a token that may read the client (./aclens token create)"})
public final class AccessCommand implements Callable<Integer> {
    @Mixin
    AclensApi api = new AclensApi();

    @Option(names = "--client", required = true, description = "Client id.")
    String clientId;

    @Option(names = "--user", required = true, description = "Login, user principal name or SID.")
    String user;

    @Option(names = "--path", description = "One folder, exactly as the report shows it; all folders when absent.")
    String path;

    @Option(names = "--language", defaultValue = "en", description = "The reasons' language: en or ru (default: ${DEFAULT-VALUE}).")
    String language;
    @Option(names = "--minimum", defaultValue = "READ", description = "Lowest level to list without --path (default: ${DEFAULT-VALUE}).")
    String minimum;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many folders without --path (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--at", description = "Without --path: what they could reach at an earlier moment, e.g. 2026-03-31T23:59:59Z.")
    String at;

    @Override
    public Integer call() {
        String client = "/api/v1/clients/" + AclensApi.segment(clientId);
        return Outcome.of(() -> {
            List<CellAccessView> cells = path != null
                    ? List.of(api.get(client + "/access?user=" + AclensApi.segment(user) + "&path=" + AclensApi.segment(path)
                    + "&language=" + AclensApi.segment(language), CellAccessView.class))
                    : reachable(client);
            for (CellAccessView cell : cells) {
                System.out.println(cell.path() + "  —  " + (cell.fullName() == null ? cell.login() : cell.fullName() + " (" + cell.login() + ")")
                        + ": " + cell.level().description() + ("active".equals(cell.accountState()) ? ""
                        : " (" + cell.accountState() + "; dormant level " + cell.dormantLevel().description() + ")"));
                cell.reasons().forEach(reason -> System.out.println("    " + reason));
            }
            if (cells.isEmpty()) {
                System.out.println(user + " holds at least " + minimum + " on no folder of client " + clientId + ".");
            } else if (path == null && cells.size() == limit) {
                System.out.println("(the first " + limit + " folders; --limit shows more)");
            }
        });
    }

    /** The person's folders, page by page, up to --limit. */
    private List<CellAccessView> reachable(String client) throws AclensApi.ApiException {
        List<CellAccessView> cells = new ArrayList<>();
        String after = null;
        do {
            String query = "/people/" + AclensApi.segment(user) + "/access?minimum=" + AclensApi.segment(minimum) + "&language="
                    + AclensApi.segment(language) + "&limit=" + Math.min(5000, limit - cells.size())
                    + (after == null ? "" : "&after=" + AclensApi.segment(after)) + (at == null ? "" : "&at=" + AclensApi.segment(at));
            CellAccessPage page = api.get(client + query, CellAccessPage.class);
            cells.addAll(page.items());
            after = page.next();
        } while (after != null && cells.size() < limit);
        return cells;
    }
}
