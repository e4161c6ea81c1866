package io.aclens.collector.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.SecretSealer;
import io.aclens.collector.repository.RegistryRepository;
import io.aclens.collector.repository.RegistryRepository.Kind;
import io.aclens.collector.repository.StoredRegistration;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.SourceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sources and directories registered over the API, as this replica last read them: scans, syncs and schedules
 * look them up here and never wait for the database. Re-read after every change made through this replica and every
 * {@code aclens.collector.registry-refresh} for changes made through another; observers of {@link Changed} hear when
 * anything differs.
 */
@ApplicationScoped
public class Registrations {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Fired after a refresh that found registrations added, changed or removed. */
    public record Changed() {
    }

    private final RegistryRepository repository;
    private final SecretSealer sealer;
    private final Event<Changed> changed;
    private volatile List<StoredRegistration> sources = List.of();
    private volatile List<StoredRegistration> directories = List.of();

    public Registrations(RegistryRepository repository, SecretSealer sealer, Event<Changed> changed) {
        this.repository = repository;
        this.sealer = sealer;
        this.changed = changed;
    }

    /** Reads the registry again (blocking: never on an event-loop thread). */
    public void refresh() {
        boolean differs;
        synchronized (this) {
            List<StoredRegistration> newSources = repository.all(Kind.SOURCE).await().atMost(READ_TIMEOUT);
            List<StoredRegistration> newDirectories = repository.all(Kind.DIRECTORY).await().atMost(READ_TIMEOUT);
            differs = !signature(newSources).equals(signature(sources)) || !signature(newDirectories).equals(signature(directories));
            sources = newSources;
            directories = newDirectories;
        }
        if (differs) {
            changed.fire(new Changed());
        }
    }

    public List<StoredRegistration> sources() {
        return sources;
    }

    public List<StoredRegistration> directories() {
        return directories;
    }

    public Optional<StoredRegistration> source(String clientId, String name) {
        return find(sources, clientId, name);
    }

    public Optional<StoredRegistration> directory(String clientId, String name) {
        return find(directories, clientId, name);
    }

    public static SourceSettings sourceSettings(StoredRegistration registration) {
        return read(registration.settings(), SourceSettings.class);
    }

    public static DirectorySettings directorySettings(StoredRegistration registration) {
        return read(registration.settings(), DirectorySettings.class);
    }

    /** The registered SMB source as the scanner reads it; its sealed password is opened only when the scan asks for it. */
    public CollectorConfig.SmbSource smb(StoredRegistration registration, String defaultSourceId) {
        SourceSettings.Smb settings = (SourceSettings.Smb) sourceSettings(registration);
        return new RegisteredSmbSource(registration.clientId(), settings,
                Optional.of(registration.registeredId()).filter(id -> !id.equals(defaultSourceId)), Optional.ofNullable(registration.cron()),
                () -> password(registration, Kind.SOURCE));
    }

    public CollectorConfig.DirectorySource directory(StoredRegistration registration) {
        return new RegisteredDirectorySource(registration.clientId(), directorySettings(registration), Optional.of(registration.registeredId()),
                Optional.ofNullable(registration.cron()), () -> password(registration, Kind.DIRECTORY));
    }

    private Optional<String> password(StoredRegistration registration, Kind kind) {
        if (registration.sealedPassword() == null) {
            return Optional.empty();
        }
        char[] opened = sealer.open(registration.sealedPassword(), registration.sealedFor(kind));
        try {
            return Optional.of(new String(opened));
        } finally {
            java.util.Arrays.fill(opened, '\0');
        }
    }

    private static Optional<StoredRegistration> find(List<StoredRegistration> registrations, String clientId, String name) {
        return registrations.stream().filter(r -> r.clientId().equals(clientId) && r.name().equals(name)).findFirst();
    }

    /** Every change to a registration (its cron included) sets its updatedAt, so name and time say whether it changed. */
    private static List<String> signature(List<StoredRegistration> registrations) {
        return registrations.stream().map(r -> r.clientId() + "/" + r.name() + "@" + r.updatedAt()).toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored registration's settings do not read as " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
