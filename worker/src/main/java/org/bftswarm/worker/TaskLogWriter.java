package org.bftswarm.worker;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one attempt's output to its log file up to a byte cap, then writes a single truncation
 * marker and drops the rest (so the node's log files stay bounded). A write error stops logging
 * for this attempt but never fails the task: the result's output and digest do not depend on it.
 * Thread-safe.
 */
public final class TaskLogWriter implements Closeable {
    private final Path file;
    private final long cap;
    private OutputStream out;
    private long written;
    private long dropped;
    private IOException failure;

    TaskLogWriter(Path file, long cap) throws IOException {
        this.file = file;
        this.cap = cap;
        this.out = Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Appends as much of {@code bytes} as the cap allows. */
    public synchronized void write(byte[] bytes) {
        if (out == null || bytes.length == 0) {
            dropped += bytes.length;
            return;
        }
        int take = (int) Math.min(bytes.length, cap - written);
        try {
            if (take > 0) {
                out.write(bytes, 0, take);
                written += take;
            }
        } catch (IOException e) {
            failure = e;
            closeQuietly();
        }
        dropped += bytes.length - Math.max(take, 0);
    }

    /** Bytes written to the file (excluding the marker). */
    public synchronized long written() {
        return written;
    }

    /** The first write error, or null. */
    public synchronized IOException failure() {
        return failure;
    }

    /** The file this writer appends to. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (out != null && dropped > 0 && failure == null) {
            try {
                out.write(("\n[bftswarm: log truncated at " + cap + " bytes; " + dropped + " more bytes dropped]\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = e;
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        out = null;
    }
}
