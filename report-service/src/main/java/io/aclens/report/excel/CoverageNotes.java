package io.aclens.report.excel;

import io.aclens.access.directory.DirectoryState;
import io.aclens.contracts.SourceServer;

/** What the coverage sheet says about the server behind a source: how its share permissions and own groups were known. */
final class CoverageNotes {
    private CoverageNotes() {
    }

    static String share(SourceServer server) {
        if (server == null || server.share() == null) {
            return "no share (not reached over SMB by this scan)";
        }
        if (server.shareSddl() == null) {
            return "not known: " + server.shareNote() + " — cells show the folders' permissions alone";
        }
        return "applied to every cell: " + server.shareSddl() + (server.shareNote() == null ? "" : " (" + server.shareNote() + ")");
    }

    static String serverGroups(SourceServer server, DirectoryState.ServerGroupsOrigin origin) {
        String note = server == null || server.groups() == null || server.groups().note() == null ? "" : " — " + server.groups().note();
        return switch (origin) {
            case SERVER -> origin.description() + ": " + server.groups().groups().size() + " groups" + note;
            case DIRECTORY -> origin.description() + note;
            case WINDOWS_DEFAULTS -> origin.description() + (note.isEmpty() ? "; the server was not asked" : "; the server could not be read" + note);
        };
    }
}
