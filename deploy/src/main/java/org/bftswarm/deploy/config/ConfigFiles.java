package org.bftswarm.deploy.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reading the commented configuration template and writing configuration files atomically: the
 * new text goes to a temporary file beside the target (same directory, so the same file system),
 * keeps the target's permissions, and is moved over it in one step, so a reader (or a crash) sees
 * the old file or the new one, never half of either.
 */
public final class ConfigFiles {
    static final String TEMPLATE = "cluster-config.yaml";
    private static final String WRITTEN_BY =
            "# Written by ./bftswarm config init; change a value with  ./bftswarm config set KEY VALUE\n";

    private ConfigFiles() {}

    /** The commented {@code cluster-config.yaml} that {@code config init} writes. */
    public static String template() {
        try (InputStream in = ConfigFiles.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the configuration template " + TEMPLATE + " is not on the classpath");
            }
            return WRITTEN_BY + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces (or creates) {@code file} with {@code text} in one atomic rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                if (from != null && to != null) {
                    to.setPermissions(from.readAttributes().permissions());
                }
            } else if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
