package io.aclens.access.nt;

import io.aclens.access.AccessMask;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text {@code icacls <path> /T} prints — as saved by cmd.exe (OEM code page), PowerShell 5.1
 * (UTF-16 with BOM) or newer tools (UTF-8) — into folders with their ACEs. Principals stay as icacls names
 * them (DOMAIN\name, well-known names or raw SIDs); resolving names to SIDs is the directory's job.
 */
public final class IcaclsParser {
    private static final Map<String, Integer> SIMPLE = Map.of(
            "F", AccessMask.FILE_ALL_ACCESS, "M", 0x1301BF, "RX", 0x1200A9, "R", AccessMask.FILE_GENERIC_READ,
            "W", 0x100116, "D", 0x110000, "N", 0);
    private static final Map<String, Integer> SPECIFIC = Map.ofEntries(
            Map.entry("D", AccessMask.DELETE), Map.entry("RC", AccessMask.READ_CONTROL), Map.entry("WDAC", AccessMask.WRITE_DAC),
            Map.entry("WO", AccessMask.WRITE_OWNER), Map.entry("S", AccessMask.SYNCHRONIZE), Map.entry("AS", 0x1000000),
            Map.entry("MA", 0x2000000), Map.entry("GR", AccessMask.GENERIC_READ), Map.entry("GW", AccessMask.GENERIC_WRITE),
            Map.entry("GE", AccessMask.GENERIC_EXECUTE), Map.entry("GA", AccessMask.GENERIC_ALL), Map.entry("RD", 0x1),
            Map.entry("WD", 0x2), Map.entry("AD", 0x4), Map.entry("REA", 0x8), Map.entry("WEA", 0x10), Map.entry("X", 0x20),
            Map.entry("DC", 0x40), Map.entry("RA", 0x80), Map.entry("WA", 0x100));
    private static final Map<String, AceFlag> FLAGS = Map.of(
            "OI", AceFlag.OBJECT_INHERIT, "CI", AceFlag.CONTAINER_INHERIT, "IO", AceFlag.INHERIT_ONLY,
            "NP", AceFlag.NO_PROPAGATE, "I", AceFlag.INHERITED);
    private static final Pattern SUMMARY = Pattern.compile("(?i).*(successfully processed|processed \\d+|обработано|обработать).*");
    /** Domains whose names contain a space; other principals are DOMAIN\name with a one-word domain, or a bare name. */
    private static final List<String> SPACED_DOMAINS = List.of("NT AUTHORITY\\", "NT SERVICE\\", "APPLICATION PACKAGE AUTHORITY\\",
            "NT VIRTUAL MACHINE\\", "IIS APPPOOL\\", "Window Manager\\", "Font Driver Host\\", "ЗАЩИТА NT\\");
    private static final List<String> BARE_NAMES = List.of("Everyone", "CREATOR OWNER", "CREATOR GROUP", "OWNER RIGHTS",
            "Все", "СОЗДАТЕЛЬ-ВЛАДЕЛЕЦ", "ГРУППА-СОЗДАТЕЛЬ", "ПРАВА ВЛАДЕЛЬЦА");
    private static final int LONGEST_BARE_NAME = BARE_NAMES.stream().mapToInt(String::length).max().orElse(0);

    /** One ACE as icacls prints it. */
    public record Entry(String principal, AceType type, int mask, Set<AceFlag> flags) {
    }

    /** A folder with its ACEs in order, or the error icacls printed for it. */
    public record Folder(String path, List<Entry> aces, String error) {
    }

    private IcaclsParser() {
    }

    /**
     * @param oemCharset the code page cmd.exe wrote with, used when the bytes are neither UTF-16 (BOM) nor
     *                   valid UTF-8 (e.g. IBM866 for Russian Windows, IBM850 for Western Europe)
     */
    public static List<Folder> parse(byte[] bytes, Charset oemCharset) {
        return parse(decode(bytes, oemCharset));
    }

    public static List<Folder> parse(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
        List<Folder> folders = new ArrayList<>();
        String path = null;
        List<Entry> aces = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                path = close(folders, path, aces);
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!line.contains(":(")) {
                path = close(folders, path, aces);
                if (!SUMMARY.matcher(line).matches()) {
                    int colon = line.lastIndexOf(": ");
                    if (colon <= 0) {
                        throw new IllegalArgumentException("Line " + (i + 1) + ": neither a folder with its accounts nor a folder's error: '"
                                + line.strip() + "'");
                    }
                    folders.add(new Folder(line.substring(0, colon).strip(), List.of(), line.substring(colon + 2).strip()));
                }
                continue;
            }
            if (indented && path != null) {
                aces.add(entry(line.strip(), i + 1));
                continue;
            }
            path = close(folders, path, aces);
            int split = splitPoint(line, i + 1 < lines.length ? lines[i + 1] : "");
            if (split < 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": cannot tell the path from the first account in '" + line + "'");
            }
            path = line.substring(0, split);
            aces = new ArrayList<>();
            aces.add(entry(line.substring(split + 1), i + 1));
        }
        close(folders, path, aces);
        return folders;
    }

    private static String close(List<Folder> folders, String path, List<Entry> aces) {
        if (path != null) {
            folders.add(new Folder(path, List.copyOf(aces), null));
        }
        return null;
    }

    /**
     * Where the path ends: the continuation lines are indented to the first account's column; else the first space
     * after which an account name starts. Linear in the line's length: the next ":(", backslash and space after
     * every position are found once, so a line of many spaces (400,000 characters) costs no more than its length.
     */
    private static int splitPoint(String line, String next) {
        if (!next.isBlank() && Character.isWhitespace(next.charAt(0)) && next.contains(":(")) {
            int indent = next.length() - next.stripLeading().length();
            if (indent > 0 && indent <= line.length() && line.charAt(indent - 1) == ' ' && line.indexOf(":(", indent) > indent) {
                return indent - 1;
            }
        }
        int n = line.length();
        int[] nextAccountEnd = new int[n + 2];
        int[] nextBackslash = new int[n + 1];
        int[] nextSpace = new int[n + 1];
        nextAccountEnd[n] = n;
        nextAccountEnd[n + 1] = n;
        nextBackslash[n] = n;
        nextSpace[n] = n;
        for (int p = n - 1; p >= 0; p--) {
            nextAccountEnd[p] = line.charAt(p) == ':' && p + 1 < n && line.charAt(p + 1) == '(' ? p : nextAccountEnd[p + 1];
            nextBackslash[p] = line.charAt(p) == '\\' ? p : nextBackslash[p + 1];
            nextSpace[p] = line.charAt(p) == ' ' ? p : nextSpace[p + 1];
        }
        for (int i = nextSpace[0]; i > 0 && i < n; i = nextSpace[i + 1]) {
            int start = i + 1;
            int end = nextAccountEnd[start];
            if (end == n) {
                return -1; // no account follows any later space either
            }
            if (looksLikeAccount(line, start, end, nextBackslash, nextSpace)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code line[start, end)} (what precedes a ":(") reads as an account name. */
    private static boolean looksLikeAccount(String line, int start, int end, int[] nextBackslash, int[] nextSpace) {
        if (end <= start) {
            return false;
        }
        if (line.startsWith("S-1-", start) || (end - start <= LONGEST_BARE_NAME && BARE_NAMES.contains(line.substring(start, end)))) {
            return true;
        }
        for (String domain : SPACED_DOMAINS) {
            if (line.startsWith(domain, start)) {
                return true;
            }
        }
        int slash = nextBackslash[start];
        // DOMAIN\name: a one-word domain and a single backslash (a folder name before it would add another)
        return slash > start && slash < end && nextSpace[start] > slash && nextBackslash[slash + 1] >= end;
    }

    private static Entry entry(String text, int lineNumber) {
        int at = text.indexOf(":(");
        if (at <= 0) {
            throw new IllegalArgumentException("Line " + lineNumber + ": expected an account followed by ':(' rights in '" + text + "'");
        }
        String principal = text.substring(0, at);
        String rest = text.substring(at + 1);
        AceType type = AceType.ALLOW;
        Set<AceFlag> flags = EnumSet.noneOf(AceFlag.class);
        Integer mask = null;
        int pos = 0;
        while (pos < rest.length()) {
            int close = rest.indexOf(')', pos);
            if (rest.charAt(pos) != '(' || close < 0) {
                throw new IllegalArgumentException("Line " + lineNumber + ": expected (…) groups after '" + principal + ":' but found '"
                        + rest.substring(pos) + "'");
            }
            String group = rest.substring(pos + 1, close);
            pos = close + 1;
            String upper = group.toUpperCase(Locale.ROOT);
            if (upper.equals("DENY")) {
                type = AceType.DENY;
            } else if (FLAGS.containsKey(upper)) {
                flags.add(FLAGS.get(upper));
            } else if (SIMPLE.containsKey(upper)) {
                mask = (mask == null ? 0 : mask) | SIMPLE.get(upper);
            } else {
                int specific = 0;
                for (String right : upper.split(",")) {
                    Integer bits = SPECIFIC.get(right.strip());
                    if (bits == null) {
                        throw new IllegalArgumentException("Line " + lineNumber + ": unknown right '" + right + "' for '" + principal + "'");
                    }
                    specific |= bits;
                }
                mask = (mask == null ? 0 : mask) | specific;
            }
        }
        if (mask == null) {
            throw new IllegalArgumentException("Line " + lineNumber + ": no rights given for '" + principal + "'");
        }
        return new Entry(principal, type, mask, flags);
    }

    static String decode(byte[] bytes, Charset oemCharset) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, oemCharset);
        }
    }
}
