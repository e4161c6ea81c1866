package io.aclens.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ids of revoked tokens, one per line in a file the MSP distributes with the public key (a mounted secret): a
 * service refuses a token whose {@code jti} is listed, with no network call. The file is read again when it changes.
 */
public final class RevokedTokens {
    public static final String FILE = "revoked-tokens.txt";

    private final Path file;
    private volatile Snapshot current = new Snapshot(null, -1, Set.of());

    private record Snapshot(FileTime modified, long size, Set<String> ids) {
    }

    public RevokedTokens(Path file) {
        this.file = file;
    }

    public boolean isRevoked(String tokenId) {
        return tokenId != null && ids().contains(tokenId);
    }

    /** The listed ids; a missing file lists none. */
    public Set<String> ids() {
        try {
            if (!Files.exists(file)) {
                return Set.of();
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Snapshot known = current;
            if (!modified.equals(known.modified()) || size != known.size()) {
                Set<String> ids = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")[0]).collect(Collectors.toSet());
                known = new Snapshot(modified, size, Set.copyOf(ids));
                current = known;
            }
            return known.ids();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the revoked tokens in " + file, e);
        }
    }

    /** Adds a token id (and why, as a comment after it). */
    public void revoke(String tokenId, String note) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, tokenId + (note == null || note.isBlank() ? "" : "  " + note.strip()) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
