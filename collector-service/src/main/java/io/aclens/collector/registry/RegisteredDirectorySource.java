package io.aclens.collector.registry;

import io.aclens.collector.config.CollectorConfig;
import io.aclens.contracts.api.DirectorySettings;
import java.util.Optional;
import java.util.function.Supplier;

/** A directory registered over the API, seen as the sync sees a configured one. */
record RegisteredDirectorySource(String clientId, DirectorySettings settings, Optional<String> directoryId, Optional<String> cron,
                                 Supplier<Optional<String>> sealedPassword) implements CollectorConfig.DirectorySource {
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final long DEFAULT_MIN_UID = 1000;

    @Override
    public String kind() {
        return settings.kind();
    }

    @Override
    public Optional<String> url() {
        return ldap().map(DirectorySettings.Ldap::url);
    }

    @Override
    public boolean allowPlaintext() {
        return ldap().map(l -> Boolean.TRUE.equals(l.allowPlaintext())).orElse(false);
    }

    @Override
    public Optional<String> trustStore() {
        return ldap().map(DirectorySettings.Ldap::trustStore);
    }

    @Override
    public Optional<String> trustStorePassword() {
        return Optional.empty();
    }

    @Override
    public String trustStoreType() {
        return "PKCS12";
    }

    @Override
    public Optional<String> baseDn() {
        return ldap().map(DirectorySettings.Ldap::baseDn);
    }

    @Override
    public Optional<String> bindDn() {
        return ldap().map(DirectorySettings.Ldap::bindDn);
    }

    @Override
    public Optional<String> password() {
        return sealedPassword.get();
    }

    @Override
    public Optional<String> passwordFile() {
        return ldap().map(DirectorySettings.Ldap::passwordFile);
    }

    @Override
    public int pageSize() {
        return ldap().map(DirectorySettings.Ldap::pageSize).orElse(DEFAULT_PAGE_SIZE);
    }

    @Override
    public String passwdFile() {
        return local().map(DirectorySettings.Local::passwdFile).orElse("/etc/passwd");
    }

    @Override
    public String groupFile() {
        return local().map(DirectorySettings.Local::groupFile).orElse("/etc/group");
    }

    @Override
    public long minUid() {
        return local().map(DirectorySettings.Local::minUid).orElse(DEFAULT_MIN_UID);
    }

    private Optional<DirectorySettings.Ldap> ldap() {
        return settings instanceof DirectorySettings.Ldap ldap ? Optional.of(ldap) : Optional.empty();
    }

    private Optional<DirectorySettings.Local> local() {
        return settings instanceof DirectorySettings.Local local ? Optional.of(local) : Optional.empty();
    }

    @Override
    public String toString() {
        return "RegisteredDirectorySource[" + clientId + ", " + settings + "]";
    }
}
