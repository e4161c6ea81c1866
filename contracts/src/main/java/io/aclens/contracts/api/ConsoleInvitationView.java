package io.aclens.contracts.api;

import java.time.Instant;
import java.util.List;

/** An invitation made: the link to send to the person (shown once; only its hash is kept). */
public record ConsoleInvitationView(String email, String role, List<String> clients, String link, Instant expiresAt) {
}
