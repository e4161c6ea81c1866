package io.aclens.collector.agent;

import io.aclens.access.Principal;
import io.aclens.access.nt.IcaclsImport;
import io.aclens.collector.service.CollectedFolder;
import io.aclens.collector.service.CollectionTally;
import io.aclens.collector.service.FolderSource;
import io.aclens.contracts.SourceKind;
import java.util.List;
import java.util.Map;

/**
 * The folders of an icacls export, resolved to SIDs before the scan starts. icacls prints no owner and no
 * protection flag, so those stay unknown; depths count from the first folder (the path icacls was run on).
 */
public final class IcaclsImportSource implements FolderSource {
    private final List<IcaclsImport.ImportedFolder> folders;
    private final ReportedNames names = new ReportedNames();

    public IcaclsImportSource(List<IcaclsImport.ImportedFolder> folders, Map<String, String> nameBySid) {
        this.folders = folders;
        names.putAll(nameBySid);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.ICACLS_IMPORT;
    }

    @Override
    public void collect(CollectionTally tally) {
        int base = folders.isEmpty() ? 0 : AgentUploadSource.segments(folders.get(0).path());
        for (IcaclsImport.ImportedFolder folder : folders) {
            tally.add(new CollectedFolder(folder.path(), Math.max(0, AgentUploadSource.segments(folder.path()) - base), null, null, false,
                    folder.error() == null ? folder.dacl() : List.of(), folder.error()), AgentUploadSource.notListed(folder.error()));
        }
    }

    @Override
    public Principal resolve(String sid) {
        return names.resolve(sid);
    }
}
