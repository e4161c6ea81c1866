package io.aclens.contracts.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a source's folders come from, by {@code kind}: an SMB share or whole server read over the network, a Linux
 * tree on the collector's host, or uploads (the Windows agent's NDJSON, an icacls export). No secret is part of it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceSettings.Smb.class, name = SourceSettings.SMB),
        @JsonSubTypes.Type(value = SourceSettings.LinuxTree.class, name = SourceSettings.LINUX),
        @JsonSubTypes.Type(value = SourceSettings.Upload.class, names = {SourceSettings.AGENT, SourceSettings.ICACLS})})
public sealed interface SourceSettings {
    String SMB = "smb";
    String LINUX = "linux";
    String AGENT = "agent";
    String ICACLS = "icacls";

    String kind();

    /**
     * A Windows or Samba share, or every disk share of a server when {@code share} is absent or "*".
     * The password is given beside these settings (stored encrypted) or named here as a mounted file.
     */
    record Smb(String kind, String host, Integer port, String share, Boolean includeAdministrativeShares, String path, String domain,
               String username, String passwordFile, Integer maxDepth, Integer parallelism, Integer connections) implements SourceSettings {
    }

    /** A folder tree on the collector's own host, read with its POSIX ACLs; uids and gids named by the host's passwd and group files unless others are given. */
    record LinuxTree(String kind, String root, Integer maxDepth, String passwdFile, String groupFile) implements SourceSettings {
    }

    /** A source whose folders arrive as uploads: {@code agent} (NDJSON with SDDL) or {@code icacls} (an export's text). */
    record Upload(String kind) implements SourceSettings {
    }
}
