package io.aclens.collector.agent;

import io.aclens.agent.AgentFolder;
import io.aclens.agent.AgentUploadReader;
import io.aclens.access.Principal;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import io.aclens.collector.service.FolderSource;
import io.aclens.contracts.SourceKind;
import java.util.List;

/** The folders of a validated agent upload, with depths relative to the share root. */
public final class AgentUploadSource implements FolderSource {
    private final AgentUploadReader.Spooled upload;
    private final ReportedNames names = new ReportedNames();
    /** Depths count from here: the given root, or else the first folder of the upload. */
    private String base;

    /** @param root the share root the paths are below; {@code null} for the first folder of the upload */
    public AgentUploadSource(AgentUploadReader.Spooled upload, String root) {
        this.upload = upload;
        this.base = root == null ? null : normalise(root);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.AGENT_UPLOAD;
    }

    @Override
    public void collect(CollectionTally tally) {
        upload.forEach(parsed -> {
            AgentFolder line = parsed.line();
            if (line.names() != null) {
                names.putAll(line.names());
            }
            String path = normalise(line.path());
            if (base == null) {
                base = path;
            }
            int depth = Math.max(0, segments(path) - segments(base));
            SecurityDescriptor sd = parsed.descriptor();
            if (sd == null) {
                tally.add(new CollectedFolder(path, depth, line.owner(), null, false, List.of(), line.error()), notListed(line.error()));
            } else {
                String owner = line.owner() != null ? line.owner() : sd.ownerSid();
                tally.add(CollectedFolder.ofDescriptor(path, depth, owner, sd, line.error()), notListed(line.error()));
            }
        });
    }

    @Override
    public Principal resolve(String sid) {
        return names.resolve(sid);
    }

    /** Drops the long-path prefixes the agent uses (\\?\ and \\?\UNC\) so paths read as people know them. */
    static String normalise(String path) {
        if (path.startsWith("\\\\?\\UNC\\")) {
            return "\\\\" + path.substring(8);
        }
        if (path.startsWith("\\\\?\\")) {
            return path.substring(4);
        }
        return path;
    }

    /** How deep a path is: its separators, trailing ones ignored. */
    static int segments(String path) {
        String trimmed = path.replaceAll("[\\\\/]+$", "");
        return (int) trimmed.chars().filter(c -> c == '\\' || c == '/').count();
    }

    /** A folder the agent could not open was not listed either: what lies below it keeps its last known state. */
    static String notListed(String error) {
        return error == null ? null : "cannot list contents: " + error;
    }
}
