package io.aclens.console.account;

import java.time.Instant;

/** An invitation made: the account, and the link's token, which exists only here and in the link. */
public record Invitation(String email, String role, java.util.List<String> clients, String token, Instant expiresAt) {
}
