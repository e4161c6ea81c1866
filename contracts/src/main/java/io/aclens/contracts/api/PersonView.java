package io.aclens.contracts.api;

/** A person of the client's directory as the matrix by person shows them. */
public record PersonView(String sid, String login, String fullName, String department, String title, String mail, boolean enabled) {
}
