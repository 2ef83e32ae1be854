package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The pid files of a cluster's node processes ({@code D/run/node-<i>.pid}, one decimal pid and a
 * newline). Written atomically (temp file + rename) so a reader never sees half a number; a file
 * that holds anything but a positive pid reads as absent.
 */
public final class PidFiles {
    private final ClusterLayout layout;

    public PidFiles(ClusterLayout layout) {
        this.layout = layout;
    }

    /** The pid recorded for node {@code id}, if a well-formed pid file exists. */
    public OptionalLong read(int id) {
        try {
            return parse(Files.readString(layout.pidFile(id), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    public void write(int id, long pid) throws IOException {
        Path file = layout.pidFile(id);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void delete(int id) throws IOException {
        Files.deleteIfExists(layout.pidFile(id));
    }

    /** Parses pid file text: optional surrounding whitespace around 1..18 decimal digits, value > 0. */
    static OptionalLong parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(s);
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }
}
