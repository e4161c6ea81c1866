package io.aclens.posix;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A path's bytes exactly as the kernel knows them. Linux names are bytes, not text: a name that is not valid in
 * the platform's encoding decodes to U+FFFD in {@link Path#toString()}, and encoding that text again would name a
 * different file (or none).
 */
public final class RawPaths {
    private static final Charset FILE_NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    private static final char REPLACEMENT = '\uFFFD';

    private RawPaths() {
    }

    /** Whether every byte of the path decoded, so its text names it exactly. */
    public static boolean decodesCleanly(Path path) {
        return path.toString().indexOf(REPLACEMENT) < 0;
    }

    /** The path's bytes, without a terminating NUL; absolute when the path had to be read back through its URI. */
    public static byte[] bytes(Path path) {
        if (decodesCleanly(path)) {
            return path.toString().getBytes(FILE_NAMES);
        }
        // A path's URI percent-encodes its raw bytes: the one public way to read them back.
        String raw = path.toUri().getRawPath();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c); // the rest of a URI's raw path is ASCII
            }
        }
        int length = bytes.size();
        byte[] all = bytes.toByteArray();
        // a directory's URI ends with '/', its path does not
        return length > 1 && all[length - 1] == '/' ? Arrays.copyOf(all, length - 1) : all;
    }

    /** The path as a NUL-terminated C string, for libc calls that must reach exactly this file. */
    static byte[] cString(Path path) {
        return cString(bytes(path));
    }

    /** The bytes as a NUL-terminated C string. */
    static byte[] cString(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
