package io.aclens.contracts.api;

/** A client company the MSP takes on: its id (used in every key and URL) and its name as people say it. */
public record ClientRegistration(String clientId, String displayName) {
}
