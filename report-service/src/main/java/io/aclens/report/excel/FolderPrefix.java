package io.aclens.report.excel;

import java.util.Locale;

/** Whether a folder is a given folder or below it, for `/` and `\` paths alike; case does not matter (Windows shares). */
public final class FolderPrefix {
    private FolderPrefix() {
    }

    public static boolean under(String path, String folder) {
        String p = path.toLowerCase(Locale.ROOT);
        String f = folder.toLowerCase(Locale.ROOT).replaceAll("[\\\\/]+$", "");
        return p.equals(f) || p.startsWith(f + "\\") || p.startsWith(f + "/");
    }
}
