package io.aclens.collector.registry;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.api.SourceSettings;
import java.util.Optional;
import java.util.function.Supplier;

/** A share or server registered over the API, seen as the scanner sees a configured one. */
record RegisteredSmbSource(String clientId, SourceSettings.Smb settings, Optional<String> sourceId, Optional<String> cron,
                           Supplier<Optional<String>> sealedPassword) implements CollectorConfig.SmbSource {
    static final int DEFAULT_PORT = 445;
    static final int DEFAULT_PARALLELISM = 64;
    static final int DEFAULT_CONNECTIONS = 4;

    @Override
    public String host() {
        return settings.host();
    }

    @Override
    public int port() {
        return settings.port() == null ? DEFAULT_PORT : settings.port();
    }

    @Override
    public Optional<String> share() {
        return Optional.ofNullable(settings.share());
    }

    @Override
    public boolean includeAdministrativeShares() {
        return Boolean.TRUE.equals(settings.includeAdministrativeShares());
    }

    @Override
    public Optional<String> path() {
        return Optional.ofNullable(settings.path());
    }

    @Override
    public Optional<String> domain() {
        return Optional.ofNullable(settings.domain());
    }

    @Override
    public String username() {
        return settings.username();
    }

    @Override
    public Optional<String> password() {
        return sealedPassword.get();
    }

    @Override
    public Optional<String> passwordFile() {
        return Optional.ofNullable(settings.passwordFile());
    }

    @Override
    public Optional<Integer> maxDepth() {
        return Optional.ofNullable(settings.maxDepth());
    }

    @Override
    public int parallelism() {
        return settings.parallelism() == null ? DEFAULT_PARALLELISM : settings.parallelism();
    }

    @Override
    public int connections() {
        return settings.connections() == null ? DEFAULT_CONNECTIONS : settings.connections();
    }

    @Override
    public String toString() {
        return "RegisteredSmbSource[" + clientId + ", " + settings + "]";
    }
}
