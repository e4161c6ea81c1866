package io.aclens.collector.service;

import io.aclens.contracts.api.ScanStatus;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.aclens.collector.config.CollectorConfig;
import io.aclens.collector.config.SecretSealer;
import io.aclens.collector.directory.DirectorySyncService;
import io.aclens.collector.directory.DirectorySyncStatus;
import io.aclens.collector.registry.Registrations;
import io.aclens.collector.repository.RegistryRepository;
import io.aclens.collector.repository.RegistryRepository.Kind;
import io.aclens.collector.repository.StoredRegistration;
import io.aclens.collector.smb.SmbScanService;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ClientRegistration;
import io.aclens.contracts.api.ClientView;
import io.aclens.contracts.api.ConnectionTestResult;
import io.aclens.contracts.api.DirectoryRegistration;
import io.aclens.contracts.api.DirectorySettings;
import io.aclens.contracts.api.RegisteredDirectoryView;
import io.aclens.contracts.api.SourceRegistration;
import io.aclens.contracts.api.SourceSettings;
import io.aclens.contracts.api.SourceView;
import io.aclens.support.rest.ProblemException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Onboarding at runtime: clients, and the sources and directories registered for them, stored in the collector's schema
 * and picked up by scans and schedules without a restart. A source or directory is stored only after a connection test
 * passed; its password is sealed with the collector's key and never answered back, logged or published.
 */
@ApplicationScoped
public class OnboardingService {
    private static final Logger LOG = Logger.getLogger(OnboardingService.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final String REGISTERED = "registered";

    /** A registration stored, and whether it was new. */
    public record Stored<T>(T view, boolean created) {
    }

    private final RegistryRepository repository;
    private final Registrations registrations;
    private final SecretSealer sealer;
    private final SmbScanService smb;
    private final DirectorySyncService directories;
    private final ScanService scans;
    private final CollectorConfig config;

    public OnboardingService(RegistryRepository repository, Registrations registrations, SecretSealer sealer, SmbScanService smb,
                             DirectorySyncService directories, ScanService scans, CollectorConfig config) {
        this.repository = repository;
        this.registrations = registrations;
        this.sealer = sealer;
        this.smb = smb;
        this.directories = directories;
        this.scans = scans;
        this.config = config;
    }

    public ClientView addClient(ClientRegistration registration) {
        if (registration == null || registration.clientId() == null) {
            throw ProblemException.badRequest("A JSON body with clientId and displayName is required");
        }
        ScanService.requireClientId(registration.clientId());
        String displayName = registration.displayName() == null || registration.displayName().isBlank() ? registration.clientId()
                : registration.displayName().strip();
        if (displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("displayName must be at most 200 characters without control characters");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            repository.insertClient(registration.clientId(), displayName, now).await().atMost(DATABASE_TIMEOUT);
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw new ProblemException(409, "Client Exists", "Client '" + registration.clientId() + "' is already registered");
            }
            throw e;
        }
        LOG.infof("Client %s registered", registration.clientId());
        return new ClientView(registration.clientId(), displayName, REGISTERED, 0, 0, now);
    }

    /** Registered clients, and the clients only the configuration files name (their sources are not counted here). */
    public List<ClientView> clients() {
        Map<String, ClientView> clients = new TreeMap<>();
        Stream.of(config.smbSources().values().stream().map(CollectorConfig.SmbSource::clientId),
                        config.directories().values().stream().map(CollectorConfig.DirectorySource::clientId),
                        config.schedules().values().stream().map(CollectorConfig.ScheduledScan::clientId))
                .flatMap(s -> s).forEach(id -> clients.put(id, new ClientView(id, id, "configuration", 0, 0, null)));
        repository.clients().await().atMost(DATABASE_TIMEOUT).forEach(c -> clients.put(c.clientId(),
                new ClientView(c.clientId(), c.displayName(), REGISTERED, c.sources(), c.directories(), c.createdAt())));
        return new ArrayList<>(clients.values());
    }

    public void removeClient(String clientId) {
        if (!repository.deleteClient(clientId).await().atMost(DATABASE_TIMEOUT)) {
            throw ProblemException.notFound("No client '" + clientId + "' is registered");
        }
        registrations.refresh();
        LOG.infof("Client %s removed with its registered sources and directories", clientId);
    }

    public List<SourceView> sources(String clientId) {
        requireClient(clientId);
        return registrations.sources().stream().filter(r -> r.clientId().equals(clientId)).map(OnboardingService::sourceView).toList();
    }

    /** Tests the source as given and stores it only when the test passed (422 with the failed step otherwise). */
    public Stored<SourceView> putSource(String clientId, String name, SourceRegistration registration) {
        requireClient(clientId);
        requireName(name);
        if (registration == null || registration.settings() == null) {
            throw ProblemException.badRequest("A JSON body with settings (kind smb, linux, agent or icacls) is required");
        }
        SourceSettings settings = SourceValidation.validate(registration.settings(), registration.password(), config);
        String cron = cron(registration.cron(), settings instanceof SourceSettings.Upload);
        String sourceId = blankToNull(registration.sourceId()) != null ? registration.sourceId().strip() : defaultSourceId(settings);
        Optional<StoredRegistration> existing = registrations.source(clientId, name);
        byte[] sealed = sealedPassword(registration.password(), passwordFileOf(settings), existing, Kind.SOURCE,
                new StoredRegistration(clientId, name, settings.kind(), sourceId, cron, "", null, null));
        if (settings instanceof SourceSettings.Smb && sealed == null && passwordFileOf(settings) == null) {
            throw ProblemException.badRequest("An SMB source needs the account's password, or settings.passwordFile naming a mounted secret");
        }
        StoredRegistration candidate = new StoredRegistration(clientId, name, settings.kind(), sourceId, cron, json(settings), sealed,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        requirePassed(testSource(candidate));
        boolean created;
        try {
            created = repository.upsert(Kind.SOURCE, candidate).await().atMost(DATABASE_TIMEOUT);
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw new ProblemException(409, "Source Id Taken", "Client '" + clientId + "' has the source id '" + sourceId
                        + "' under another name already: give this source its own sourceId");
            }
            throw e;
        }
        registrations.refresh();
        LOG.infof("Source %s/%s (%s, %s) %s", clientId, name, settings.kind(), sourceId, created ? "registered" : "changed");
        return new Stored<>(sourceView(candidate), created);
    }

    public void removeSource(String clientId, String name) {
        requireClient(clientId);
        if (!repository.delete(Kind.SOURCE, clientId, name).await().atMost(DATABASE_TIMEOUT)) {
            throw ProblemException.notFound("Client '" + clientId + "' has no registered source '" + name + "'");
        }
        registrations.refresh();
        LOG.infof("Source %s/%s removed", clientId, name);
    }

    public ConnectionTestResult testSource(String clientId, String name) {
        return testSource(source(clientId, name));
    }

    /** Starts the source's scans now: one per share (a whole server gives several); uploads arrive from the agent instead. */
    public List<ScanStatus> scanSource(String clientId, String name) {
        StoredRegistration source = source(clientId, name);
        SourceSettings settings = Registrations.sourceSettings(source);
        if (settings instanceof SourceSettings.Smb) {
            return smb.start(describe(source), registrations.smb(source, defaultSourceId(settings)),
                    new Rerun.SmbShare(source.clientId(), source.name(), null));
        }
        if (settings instanceof SourceSettings.LinuxTree tree) {
            return List.of(scans.start(linuxScan(source, tree)));
        }
        throw new ProblemException(409, "Uploaded Source", "Source '" + name + "' is scanned by the client's agent, which uploads its "
                + "folders to /api/v1/clients/" + clientId + "/sources/" + source.registeredId() + "/uploads");
    }

    public List<RegisteredDirectoryView> directories(String clientId) {
        requireClient(clientId);
        return registrations.directories().stream().filter(r -> r.clientId().equals(clientId)).map(OnboardingService::directoryView).toList();
    }

    public Stored<RegisteredDirectoryView> putDirectory(String clientId, String name, DirectoryRegistration registration) {
        requireClient(clientId);
        requireName(name);
        if (registration == null || registration.settings() == null) {
            throw ProblemException.badRequest("A JSON body with settings (kind active-directory, ldap or local) is required");
        }
        DirectorySettings settings = SourceValidation.validate(registration.settings(), registration.password());
        String cron = cron(registration.cron(), false);
        String directoryId = blankToNull(registration.directoryId()) != null ? registration.directoryId().strip()
                : DirectorySyncService.defaultDirectoryId(settings.kind(), name);
        Optional<StoredRegistration> existing = registrations.directory(clientId, name);
        String passwordFile = settings instanceof DirectorySettings.Ldap ldap ? ldap.passwordFile() : null;
        byte[] sealed = sealedPassword(registration.password(), passwordFile, existing, Kind.DIRECTORY,
                new StoredRegistration(clientId, name, settings.kind(), directoryId, cron, "", null, null));
        if (settings instanceof DirectorySettings.Ldap ldap && ldap.bindDn() != null && sealed == null && passwordFile == null) {
            throw ProblemException.badRequest("A bind DN needs its password, or settings.passwordFile naming a mounted secret");
        }
        StoredRegistration candidate = new StoredRegistration(clientId, name, settings.kind(), directoryId, cron, json(settings), sealed,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        requirePassed(directories.test(describe(candidate), registrations.directory(candidate)));
        boolean created;
        try {
            created = repository.upsert(Kind.DIRECTORY, candidate).await().atMost(DATABASE_TIMEOUT);
        } catch (PgException e) {
            if ("23505".equals(e.getSqlState())) {
                throw new ProblemException(409, "Directory Id Taken", "Client '" + clientId + "' has the directory id '" + directoryId
                        + "' under another name already");
            }
            throw e;
        }
        registrations.refresh();
        LOG.infof("Directory %s/%s (%s, %s) %s", clientId, name, settings.kind(), directoryId, created ? "registered" : "changed");
        return new Stored<>(directoryView(candidate), created);
    }

    public void removeDirectory(String clientId, String name) {
        requireClient(clientId);
        if (!repository.delete(Kind.DIRECTORY, clientId, name).await().atMost(DATABASE_TIMEOUT)) {
            throw ProblemException.notFound("Client '" + clientId + "' has no registered directory '" + name + "'");
        }
        registrations.refresh();
        LOG.infof("Directory %s/%s removed", clientId, name);
    }

    public ConnectionTestResult testDirectory(String clientId, String name) {
        StoredRegistration directory = directory(clientId, name);
        return directories.test(describe(directory), registrations.directory(directory));
    }

    public DirectorySyncStatus syncDirectory(String clientId, String name) {
        StoredRegistration directory = directory(clientId, name);
        return directories.start(clientId + "/" + name, registrations.directory(directory));
    }

    /** A registered SMB source as the scanner reads it, for a scan run again after a restart. */
    public Optional<CollectorConfig.SmbSource> registeredSmb(String clientId, String name) {
        return registrations.source(clientId, name).filter(r -> r.kind().equals(SourceSettings.SMB))
                .map(r -> registrations.smb(r, defaultSourceId(Registrations.sourceSettings(r))));
    }

    /** The scan a registered Linux tree's schedule or "scan now" starts. */
    public static ScanRequest linuxScan(StoredRegistration source, SourceSettings.LinuxTree tree) {
        return new ScanRequest(source.clientId(), tree.root(), source.registeredId(), tree.maxDepth(), tree.passwdFile(), tree.groupFile());
    }

    public static String describe(StoredRegistration registration) {
        return registration.kind() + " " + registration.clientId() + "/" + registration.name();
    }

    private ConnectionTestResult testSource(StoredRegistration source) {
        SourceSettings settings = Registrations.sourceSettings(source);
        if (settings instanceof SourceSettings.Smb) {
            return smb.test(describe(source), registrations.smb(source, defaultSourceId(settings)));
        }
        if (settings instanceof SourceSettings.LinuxTree tree) {
            return SourceValidation.testLinuxTree(tree);
        }
        return ConnectionTestResult.passed("Uploads for " + source.registeredId() + " are accepted from the client's agent");
    }

    private byte[] sealedPassword(String password, String passwordFile, Optional<StoredRegistration> existing, Kind kind,
                                  StoredRegistration row) {
        if (password != null && !password.isEmpty()) {
            char[] secret = password.toCharArray();
            try {
                return sealer.seal(secret, row.sealedFor(kind));
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        // a change that names no new password keeps the stored one, as long as it still opens on this row
        return passwordFile == null ? existing.filter(e -> e.kind().equals(row.kind()) && e.sealedPassword() != null)
                .map(StoredRegistration::sealedPassword).orElse(null) : null;
    }

    private static void requirePassed(ConnectionTestResult result) {
        if (!result.ok()) {
            throw new ProblemException(422, "Connection Test Failed (" + result.failedStep() + ")", result.reason());
        }
    }

    private void requireClient(String clientId) {
        if (!repository.clientExists(clientId).await().atMost(DATABASE_TIMEOUT)) {
            throw ProblemException.notFound("No client '" + clientId + "' is registered (./aclens client add " + clientId + ")");
        }
    }

    private StoredRegistration source(String clientId, String name) {
        requireClient(clientId);
        return registrations.source(clientId, name)
                .orElseThrow(() -> ProblemException.notFound("Client '" + clientId + "' has no registered source '" + name + "'"));
    }

    private StoredRegistration directory(String clientId, String name) {
        requireClient(clientId);
        return registrations.directory(clientId, name)
                .orElseThrow(() -> ProblemException.notFound("Client '" + clientId + "' has no registered directory '" + name + "'"));
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("A name must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static String cron(String cron, boolean upload) {
        if (blankToNull(cron) == null) {
            return null;
        }
        if (upload) {
            throw ProblemException.badRequest("An uploaded source has no schedule: its agent decides when to upload");
        }
        try {
            CRON.parse(cron.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cron '" + cron + "' is not a Quartz cron expression (seconds first, e.g. '0 0 2 1 * ?'): "
                    + e.getMessage());
        }
        return cron.strip();
    }

    private static String defaultSourceId(SourceSettings settings) {
        if (settings instanceof SourceSettings.Smb s) {
            return SmbScanService.defaultSourceId(s.host(), s.share(), s.path());
        }
        if (settings instanceof SourceSettings.LinuxTree tree) {
            return ScanService.defaultSourceId(java.nio.file.Path.of(tree.root()).normalize());
        }
        throw ProblemException.badRequest("An uploaded source needs its sourceId: the id its agent uploads to");
    }

    private static String passwordFileOf(SourceSettings settings) {
        return settings instanceof SourceSettings.Smb s ? s.passwordFile() : null;
    }

    private static SourceView sourceView(StoredRegistration r) {
        return new SourceView(r.clientId(), r.name(), r.registeredId(), r.cron(), r.sealedPassword() != null, Registrations.sourceSettings(r),
                r.updatedAt());
    }

    private static RegisteredDirectoryView directoryView(StoredRegistration r) {
        return new RegisteredDirectoryView(r.clientId(), r.name(), r.registeredId(), r.cron(), r.sealedPassword() != null,
                Registrations.directorySettings(r), r.updatedAt());
    }

    private static String json(Object settings) {
        try {
            return EventCodec.mapper().writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write settings as JSON: " + e.getOriginalMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
