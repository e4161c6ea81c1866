package io.aclens.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aclens.access.nt.Sddl;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.contracts.EventCodec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Validates an agent's NDJSON upload completely — UTF-8, one JSON object per line, a path, a parseable
 * SDDL or an error — while spooling it to a file, so nothing is published unless every line is good.
 */
public final class AgentUploadReader {
    /** The longest path Windows accepts (with the \\?\ prefix), in UTF-16 units. */
    private static final int MAX_PATH_CHARS = 32_767;
    /** The longest line a folder can need: its path, its descriptor as SDDL (an ACL is at most 64 KiB), names. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private static final ObjectMapper JSON = EventCodec.mapper();

    private AgentUploadReader() {
    }

    /** A validated upload spooled to {@code file}; read it back with {@link #forEach}. */
    public record Spooled(Path file, long folders) {
        public void forEach(Consumer<ParsedFolder> action) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        action.accept(parse(JSON.readValue(line, AgentFolder.class)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read back the spooled upload", e);
            }
        }
    }

    /** A folder with its descriptor parsed (null when the agent reported an error). */
    public record ParsedFolder(AgentFolder line, SecurityDescriptor descriptor) {
    }

    /** Validates the whole upload while writing it to {@code file}; refused (nothing kept) at the first bad line. */
    public static Spooled spool(InputStream body, long maxBytes, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return new Spooled(file, copy(body, maxBytes, out));
        }
    }

    /** Validates the whole upload without keeping it; returns how many folders it holds. */
    public static long validate(InputStream body, long maxBytes) throws IOException {
        return copy(body, maxBytes, Writer.nullWriter());
    }

    private static long copy(InputStream body, long maxBytes, Writer out) throws IOException {
        CountingInputStream counted = new CountingInputStream(body, maxBytes);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        long folders = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(counted, decoder))) {
            String line;
            while (true) {
                try {
                    line = boundedLine(reader, lineNumber + 1);
                } catch (CharacterCodingException e) {
                    throw UploadRejectedException.atLine(lineNumber + 1, "not UTF-8 text");
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                validate(line, lineNumber);
                out.write(line);
                out.write('\n');
                folders++;
            }
        }
        if (folders == 0) {
            throw new UploadRejectedException(400, "the upload holds no folders");
        }
        return folders;
    }

    /**
     * The next line, refused when longer than {@link #MAX_LINE_CHARS}: one folder's line holds a path (at most 32,767
     * characters) and a descriptor (an ACL holds at most 64 KiB), so a longer line is not a folder and must not fill memory.
     */
    private static String boundedLine(BufferedReader reader, long lineNumber) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        boolean ended = false;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                ended = true;
                break;
            }
            if (line.length() >= MAX_LINE_CHARS) {
                throw UploadRejectedException.atLine(lineNumber, "the line is longer than " + MAX_LINE_CHARS + " characters; one folder "
                        + "never needs that many");
            }
            line.append((char) c);
        }
        if (!ended && line.length() == 0) {
            return null;
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }

    private static void validate(String line, long lineNumber) {
        AgentFolder folder;
        try {
            folder = JSON.readValue(line, AgentFolder.class);
        } catch (JsonProcessingException e) {
            throw UploadRejectedException.atLine(lineNumber, "not a JSON object with path, owner, sddl, error: " + e.getOriginalMessage());
        }
        if (folder.path() == null || folder.path().isBlank()) {
            throw UploadRejectedException.atLine(lineNumber, "'path' is missing");
        }
        if (folder.sddl() == null && folder.error() == null) {
            throw UploadRejectedException.atLine(lineNumber, "neither 'sddl' nor 'error' is given for " + folder.path());
        }
        rejectControlCharacters(lineNumber, "path", folder.path());
        if (folder.error() != null) {
            rejectControlCharacters(lineNumber, "error", folder.error());
        }
        if (folder.path().length() > MAX_PATH_CHARS) {
            throw UploadRejectedException.atLine(lineNumber, "'path' is longer than Windows allows (" + MAX_PATH_CHARS + " characters)");
        }
        try {
            parse(folder);
        } catch (IllegalArgumentException e) {
            throw UploadRejectedException.atLine(lineNumber, "bad SDDL for " + folder.path() + ": " + e.getMessage());
        }
    }

    /** Windows names cannot hold C0 control characters (U+0000–U+001F), and the database refuses U+0000 in text. */
    private static void rejectControlCharacters(long lineNumber, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && !(field.equals("error") && (c == '\t' || c == '\n' || c == '\r'))) {
                throw UploadRejectedException.atLine(lineNumber, String.format("'%s' holds the control character U+%04X at position %d; "
                        + "Windows folder names cannot", field, (int) c, i + 1));
            }
        }
    }

    private static ParsedFolder parse(AgentFolder folder) {
        return new ParsedFolder(folder, folder.sddl() == null ? null : Sddl.parse(folder.sddl()));
    }

    /** Refuses the upload as soon as it grows past the limit, without reading the rest. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final long max;
        private long count;

        CountingInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            add(Math.max(n, 0));
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw new UploadRejectedException(413, "the upload is larger than " + max + " bytes (aclens.collector.max-upload-bytes)");
            }
        }
    }
}
