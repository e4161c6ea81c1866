package io.aclens.contracts.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a client's people and groups come from, by {@code kind}: Active Directory or another LDAP server (over LDAPS or
 * StartTLS), or a Linux host's passwd and group files. No secret is part of it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = DirectorySettings.Ldap.class, names = {DirectorySettings.ACTIVE_DIRECTORY, DirectorySettings.LDAP}),
        @JsonSubTypes.Type(value = DirectorySettings.Local.class, name = DirectorySettings.LOCAL)})
public sealed interface DirectorySettings {
    String ACTIVE_DIRECTORY = "active-directory";
    String LDAP = "ldap";
    String LOCAL = "local";

    String kind();

    /**
     * {@code url} is ldaps://host:636, or ldap://host:389 upgraded with StartTLS; plain LDAP only with
     * {@code allowPlaintext}. {@code trustStore} — the domain controllers' CA certificate as a PEM file, or a
     * PKCS12 trust store without a password — is needed when the JVM's own trust store does not hold that CA.
     */
    record Ldap(String kind, String url, String baseDn, String bindDn, String passwordFile, String trustStore, Boolean allowPlaintext,
                Integer pageSize) implements DirectorySettings {
    }

    /** passwd and group files on the collector's host; accounts below {@code minUid} are system accounts. */
    record Local(String kind, String passwdFile, String groupFile, Long minUid) implements DirectorySettings {
    }
}
