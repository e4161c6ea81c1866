package io.aclens.contracts.api;

import java.util.List;

/**
 * Whom to invite to the web console ({@code POST /console/api/invitations} on the console, with an msp-admin token): their
 * e-mail address, name, console role, the clients a client viewer sees, their language (en, ru).
 */
public record ConsoleInvitationRequest(String email, String displayName, String role, List<String> clients, String language) {
}
