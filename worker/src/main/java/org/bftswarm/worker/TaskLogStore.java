package org.bftswarm.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bftswarm.crypto.Digest;

/**
 * Keeps the full log of every task attempt on the node's disk, bounded in size per file and in
 * number of files (full logs stay on the node in bounded files and are served by
 * the API). One file per attempt under {@code <dataDir>/logs}; the name is a readable, sanitised
 * prefix of the task id, a hash of the exact id (so hostile ids cannot escape the directory or
 * collide), and the attempt number. Opening a new file prunes the oldest beyond the count limit.
 */
public final class TaskLogStore {
    /** Default cap per attempt: 8 MiB. */
    public static final long DEFAULT_MAX_BYTES_PER_FILE = 8L << 20;
    /** Default number of attempt logs kept. */
    public static final int DEFAULT_MAX_FILES = 1000;

    private static final String SUFFIX = ".log";
    private static final int READABLE_PREFIX = 48;

    private final Path dir;
    private final long maxBytesPerFile;
    private final int maxFiles;

    /** A store under {@code dir} (created if missing). */
    public TaskLogStore(Path dir, long maxBytesPerFile, int maxFiles) {
        if (maxBytesPerFile <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException(
                    "log caps must be positive, got " + maxBytesPerFile + " bytes, " + maxFiles + " files");
        }
        this.dir = dir;
        this.maxBytesPerFile = maxBytesPerFile;
        this.maxFiles = maxFiles;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create task log directory " + dir, e);
        }
    }

    /** A store in {@code <dataDir>/logs} with default caps. */
    public static TaskLogStore inDataDir(Path dataDir) {
        return new TaskLogStore(dataDir.resolve("logs"), DEFAULT_MAX_BYTES_PER_FILE, DEFAULT_MAX_FILES);
    }

    /** The directory holding the logs. */
    public Path directory() {
        return dir;
    }

    /** Bytes kept per attempt at most (plus a one-line truncation marker). */
    public long maxBytesPerFile() {
        return maxBytesPerFile;
    }

    /** Starts (or restarts, truncating) the log of one attempt, then prunes old files. */
    public TaskLogWriter open(AttemptKey key) throws IOException {
        Path file = pathFor(key);
        TaskLogWriter writer = new TaskLogWriter(file, maxBytesPerFile);
        prune(file);
        return writer;
    }

    /** The stored log of one attempt, if present. */
    public Optional<byte[]> read(AttemptKey key) {
        try {
            return Optional.of(Files.readAllBytes(pathFor(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task log " + pathFor(key), e);
        }
    }

    /** The stored log of the highest attempt of {@code taskId} that has one. */
    public Optional<byte[]> readLatest(String taskId) {
        return latestAttempt(taskId).flatMap(attempt -> read(new AttemptKey(taskId, attempt)));
    }

    /** The highest attempt number of {@code taskId} with a stored log. */
    public Optional<Integer> latestAttempt(String taskId) {
        String prefix = filePrefix(taskId);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(SUFFIX))
                    .map(n -> n.substring(prefix.length(), n.length() - SUFFIX.length()))
                    .filter(a -> !a.isEmpty() && a.length() < 10 && a.chars().allMatch(Character::isDigit))
                    .map(Integer::parseInt)
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list task logs in " + dir, e);
        }
    }

    /** Where the log of one attempt lives; always directly inside {@link #directory()}. */
    public Path pathFor(AttemptKey key) {
        return dir.resolve(fileNameFor(key));
    }

    /** {@code <readable prefix>.<16 hex of SHA-256(task id)>.<attempt>.log}: no separators, no dots-only names. */
    static String fileNameFor(AttemptKey key) {
        return filePrefix(key.taskId()) + key.attempt() + SUFFIX;
    }

    private static String filePrefix(String taskId) {
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < taskId.length() && readable.length() < READABLE_PREFIX; i++) {
            char c = taskId.charAt(i);
            boolean safe =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            readable.append(safe ? c : '_');
        }
        String hash = HexFormat.of()
                .formatHex(
                        Digest.sha256(taskId.getBytes(StandardCharsets.UTF_8)).bytes(), 0, 8);
        return readable + "." + hash + ".";
    }

    private void prune(Path keep) throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(logs::add);
        }
        if (logs.size() <= maxFiles) {
            return;
        }
        logs.sort(Comparator.comparing(TaskLogStore::modified).thenComparing(Path::toString));
        int excess = logs.size() - maxFiles;
        for (Path p : logs) {
            if (excess == 0) {
                break;
            }
            if (!p.equals(keep)) {
                Files.deleteIfExists(p);
                excess--;
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
