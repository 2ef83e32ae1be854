package org.bftswarm.deploy.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Copies the jars of the CLI's class path into {@code D/run/classpath-<fingerprint>/} and returns a
 * class path that points at the copies, so that node processes keep running when the checkout is
 * rebuilt underneath them (the {@code ./bftswarm} wrapper deletes and rewrites {@code deploy/target}
 * after any source change, and a JVM loads classes lazily from its jars). The fingerprint covers
 * every jar's path, size and modification time, so an unchanged build reuses its snapshot.
 * Directories on the class path, and jars whose manifest names a {@code Class-Path} of their own
 * (e.g. Surefire's manifest-only booter jar, whose entries may be relative), are kept as they are.
 */
public final class ClasspathSnapshot {
    private ClasspathSnapshot() {}

    public static String of(String classPath, Path runDir) throws IOException {
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        List<Path> jars = new ArrayList<>();
        MessageDigest fingerprint = sha256();
        for (String entry : entries) {
            Path p = Path.of(entry);
            if (copied(p)) {
                jars.add(p);
                fingerprint.update((p.toAbsolutePath() + "|" + Files.size(p) + "|"
                                + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        if (jars.isEmpty()) {
            return classPath;
        }
        Path dir = runDir.resolve(
                "classpath-" + HexFormat.of().formatHex(fingerprint.digest()).substring(0, 16));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(runDir);
            Path tmp = Files.createTempDirectory(runDir, "classpath-tmp-");
            for (int i = 0; i < jars.size(); i++) {
                Files.copy(jars.get(i), tmp.resolve(copyName(i, jars.get(i))), StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(dir)) {
                    throw raced;
                }
                DownProcedure.deleteTree(tmp);
            }
        }
        List<String> out = new ArrayList<>();
        int jarIndex = 0;
        for (String entry : entries) {
            Path p = Path.of(entry);
            if (copied(p)) {
                out.add(dir.resolve(copyName(jarIndex++, p)).toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static boolean copied(Path entry) {
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) == null;
        } catch (IOException notAJar) {
            return true;
        }
    }

    private static String copyName(int index, Path jar) {
        return String.format("%03d-%s", index, jar.getFileName());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
