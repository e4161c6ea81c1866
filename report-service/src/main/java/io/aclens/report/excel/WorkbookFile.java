package io.aclens.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A built workbook on disk rather than in the heap — a million-folder client's is about 100 MB — read back a chunk at a
 * time to be stored, and whole only when small enough to attach to a mail. Deleted on close.
 */
public final class WorkbookFile implements AutoCloseable {
    private final Path path;

    private WorkbookFile(Path path) {
        this.path = path;
    }

    public static WorkbookFile create() {
        try {
            return new WorkbookFile(Files.createTempFile("aclens-report-", ".xlsx"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the workbook", e);
        }
    }

    public OutputStream output() throws IOException {
        return Files.newOutputStream(path);
    }

    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the workbook's size", e);
        }
    }

    /** The whole workbook: for attachments, which are below the attachment limit. */
    public byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the workbook", e);
        }
    }

    /** How many chunks of {@code chunkSize} bytes the workbook is stored in (one at least). */
    public int chunks(int chunkSize) {
        return (int) Math.max(1, (size() + chunkSize - 1) / chunkSize);
    }

    /** Chunk {@code index} of {@code chunkSize} bytes (the last one shorter). */
    public byte[] chunk(int index, int chunkSize) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = (long) index * chunkSize;
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(chunkSize, channel.size() - position)));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
                // FileChannel may read less than asked
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the workbook", e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the workbook's temporary file " + path, e);
        }
    }
}
