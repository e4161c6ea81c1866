package io.aclens.posix;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Linux names are bytes, not text. Java shows every byte that is not UTF-8 as U+FFFD, so two folders whose names
 * differ only in such bytes would become one path (and the scan could never complete). Here such bytes are
 * kept as {@code \xNN} escapes instead, so each folder keeps a path of its own and an operator can still find it
 * ({@code printf '\xNN'} in a shell gives the byte back). Valid UTF-8 names are left exactly as they are.
 */
public final class PosixNames {
    private PosixNames() {
    }

    /** The folder's path as ACLens records it. */
    public static String display(Path path) {
        return RawPaths.decodesCleanly(path) ? path.toString() : escapeUndecodable(RawPaths.bytes(path));
    }

    /** Decodes UTF-8, writing each byte that is not part of a valid sequence as {@code \xNN}. */
    public static String escapeUndecodable(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // most names: no decoder needed
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder text = new StringBuilder(bytes.length + 8);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isUnderflow()) {
                decoder.flush(out);
                return text.append(out.flip()).toString();
            }
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            }
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
