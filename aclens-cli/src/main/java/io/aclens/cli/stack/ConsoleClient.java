package io.aclens.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.ConsoleInvitationView;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console as the demo prepares it: an invitation made with an MSP administrator's token, taken up as a browser
 * would (the invitation page's form, with its CSRF cookie and field), so the demo can print a sign-in that works.
 */
public final class ConsoleClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = EventCodec.mapper();

    private final String consoleUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();

    public ConsoleClient(String consoleUrl) {
        this.consoleUrl = consoleUrl.replaceAll("/+$", "");
    }

    /** @return the invitation, or null when the account exists already (a kept data folder: its password is unchanged) */
    public ConsoleInvitationView invite(String adminToken, ConsoleInvitationRequest request) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(consoleUrl + "/console/api/invitations"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(request))).build());
        if (answer.statusCode() == 409) {
            return null;
        }
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("The console refused the invitation of " + request.email() + ": HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
        try {
            return JSON.readValue(answer.body(), ConsoleInvitationView.class);
        } catch (IOException e) {
            throw new IllegalStateException("The console's answer does not read as an invitation", e);
        }
    }

    /**
     * An account that signs in with {@code password}: invited and its password set through the invitation page, or left as
     * it is when it exists already (a kept data folder).
     */
    public void ensureAccount(String adminToken, ConsoleInvitationRequest request, String password) {
        ConsoleInvitationView invitation = invite(adminToken, request);
        if (invitation != null) {
            accept(invitation, password);
        }
    }

    /** Opens the invitation link and sets the password there. */
    public void accept(ConsoleInvitationView invitation, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(invitation.link())).GET().build());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("The invitation page of " + invitation.email() + " answered HTTP " + page.statusCode());
        }
        String form = "csrf-token=" + encode(csrf.group(1)) + "&password=" + encode(password);
        HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(invitation.link())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (set.statusCode() != 303) {
            throw new IllegalStateException("Setting the password of " + invitation.email() + " answered HTTP " + set.statusCode());
        }
    }

    /** Signs in with the sign-in form, as a browser would; the session cookie is kept for {@link #page}. */
    public void signIn(String email, String password) {
        String form = "j_username=" + encode(email) + "&j_password=" + encode(password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(consoleUrl + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in as " + email + " failed: HTTP " + answer.statusCode() + " to " + location);
        }
    }

    /** A page of the signed-in session, as HTML. */
    public String page(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + answer.statusCode());
        }
        return answer.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the web console at " + consoleUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
