package io.aclens.report.alert;

import io.aclens.contracts.api.AlertChannelRequest;
import io.aclens.contracts.api.AlertChannelView;
import io.aclens.report.delivery.SubscriptionRequests;
import io.aclens.report.repository.AlertChannelRepository.Channel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks an alert channel request (every problem in one message) and shows a channel without its secret. */
public final class AlertChannels {

    private AlertChannels() {
    }

    /** The channel to store, and the secret generated for it (null when the request brought its own or it is e-mail). */
    public record Checked(Channel channel, String generatedSecret) {
    }

    /** @param hasSecret whether the stored channel already has a key (a replacement without one keeps it) */
    public static Checked check(String clientId, String name, AlertChannelRequest request, boolean hasSecret) {
        List<String> problems = new ArrayList<>();
        if (!SubscriptionRequests.NAME.matcher(name).matches()) {
            problems.add("name: letters, digits, '.', '_' or '-', at most 64");
        }
        String kind = request == null || request.kind() == null ? "" : request.kind().toUpperCase(Locale.ROOT);
        String target = request == null || request.target() == null ? "" : request.target().strip();
        if (kind.equals("EMAIL")) {
            for (String address : target.split(",")) {
                if (!SubscriptionRequests.ADDRESS.matcher(address.strip()).matches()) {
                    problems.add("'" + address.strip() + "' is not an e-mail address");
                }
            }
        } else if (kind.equals("WEBHOOK")) {
            try {
                URI url = URI.create(target);
                if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                    problems.add("target: the webhook's http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add("target: the webhook's http(s) URL");
            }
        } else {
            problems.add("kind: EMAIL or WEBHOOK");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String given = request.secret() == null || request.secret().isBlank() ? null : request.secret();
        String generated = kind.equals("WEBHOOK") && given == null && !hasSecret ? WebhookSignature.newSecret() : null;
        List<String> sensitive = request.sensitivePaths() == null ? List.of() : request.sensitivePaths().stream().filter(p -> !p.isBlank()).toList();
        return new Checked(new Channel(clientId, name, kind, target, given != null ? given : generated, sensitive, null), generated);
    }

    public static AlertChannelView toView(Channel channel, String generatedSecret) {
        return new AlertChannelView(channel.clientId(), channel.name(), channel.kind(), channel.target(), channel.sensitivePaths(), generatedSecret,
                channel.createdAt());
    }
}
