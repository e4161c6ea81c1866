package io.aclens.report.excel;

import io.aclens.access.directory.DirectoryState;
import io.aclens.contracts.SourceServer;

/** What the coverage sheet says about the server behind a source: how its share permissions and own groups were known. */
final class CoverageNotes {
    private CoverageNotes() {
    }

    static String share(SourceServer server, WorkbookTexts texts) {
        if (server == null || server.share() == null) {
            return texts.get("coverage.noShare");
        }
        if (server.shareSddl() == null) {
            return texts.get("coverage.shareUnknown", server.shareNote());
        }
        return texts.get("coverage.shareApplied", server.shareSddl()) + (server.shareNote() == null ? "" : " (" + server.shareNote() + ")");
    }

    static String serverGroups(SourceServer server, DirectoryState.ServerGroupsOrigin origin, WorkbookTexts texts) {
        String note = server == null || server.groups() == null || server.groups().note() == null ? "" : " — " + server.groups().note();
        String described = texts.get("origin." + origin.name());
        return switch (origin) {
            case SERVER -> described + ": " + texts.get("coverage.groups", server.groups().groups().size()) + note;
            case DIRECTORY -> described + note;
            case WINDOWS_DEFAULTS -> described + "; " + (note.isEmpty() ? texts.get("coverage.notAsked") : texts.get("coverage.notRead") + note);
        };
    }
}
