package io.aclens.collector.repository;

import java.time.Instant;

/**
 * One registered source or directory as stored: {@code settings} is the API's settings record as JSON,
 * {@code sealedPassword} the password sealed with the collector's key (or null).
 */
public record StoredRegistration(String clientId, String name, String kind, String registeredId, String cron, String settings,
                                 byte[] sealedPassword, Instant updatedAt) {
    /** What a sealed password is bound to: it opens on this row only. */
    public String sealedFor(RegistryRepository.Kind of) {
        return of.noun() + " " + clientId + "/" + name + " (" + kind + ")";
    }

    @Override
    public String toString() {
        return "StoredRegistration[" + clientId + "/" + name + ", " + kind + ", " + registeredId + "]";
    }
}
