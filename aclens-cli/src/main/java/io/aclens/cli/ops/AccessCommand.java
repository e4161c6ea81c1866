package io.aclens.cli.ops;

import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.CellAccessView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * "Can Petrova change payroll files, and why?" answered from a running report service: one folder with the
 * reasons, or every folder a person holds at least some level on.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = {"Shows what a person can access, from a running report service, with the reason for each folder.",
                "  ./aclens access --client acme --user petrova",
                "  ./aclens access --client acme --user petrova --path '\\\\fs1\\share\\Finance'",
                "  with ACLENS_TOKEN set to a token that may read the client (./aclens token create)"})
public final class AccessCommand implements Callable<Integer> {

    @Option(names = "--report-url", defaultValue = "${env:ACLENS_REPORT_URL:-http://127.0.0.1:8084}",
            description = "The report service (default: ${DEFAULT-VALUE}, or ACLENS_REPORT_URL).")
    String reportUrl;

    @Option(names = "--client", required = true, description = "Client id.")
    String clientId;

    @Option(names = "--user", required = true, description = "Login, user principal name or SID.")
    String user;

    @Option(names = "--path", description = "One folder, exactly as the report shows it; all folders when absent.")
    String path;

    @Option(names = "--minimum", defaultValue = "READ", description = "Lowest level to list without --path (default: ${DEFAULT-VALUE}).")
    String minimum;

    @Option(names = "--token", defaultValue = "${env:ACLENS_TOKEN}",
            description = "A bearer token that may read the client (default: ACLENS_TOKEN; ./aclens token create issues one).")
    String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String base = reportUrl.replaceAll("/+$", "") + "/api/clients/" + encode(clientId);
        String url = path != null ? base + "/access?user=" + encode(user) + "&path=" + encode(path)
                : base + "/people/" + encode(user) + "/access?minimum=" + encode(minimum);
        if (token == null || token.isBlank()) {
            System.err.println("A token is needed: --token or ACLENS_TOKEN (./aclens token create --role client-viewer --client " + clientId + ")");
            return 2;
        }
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token.strip())
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            System.err.println("The report service answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        CellAccessView[] cells = path != null ? new CellAccessView[]{EventCodec.mapper().readValue(response.body(), CellAccessView.class)}
                : EventCodec.mapper().readValue(response.body(), CellAccessView[].class);
        for (CellAccessView cell : cells) {
            System.out.println(cell.path() + "  —  " + (cell.fullName() == null ? cell.login() : cell.fullName() + " (" + cell.login() + ")")
                    + ": " + cell.level().description() + ("active".equals(cell.accountState()) ? ""
                    : " (" + cell.accountState() + "; dormant level " + cell.dormantLevel().description() + ")"));
            cell.reasons().forEach(reason -> System.out.println("    " + reason));
        }
        if (cells.length == 0) {
            System.out.println(user + " holds at least " + minimum + " on no folder of client " + clientId + ".");
        }
        return 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
