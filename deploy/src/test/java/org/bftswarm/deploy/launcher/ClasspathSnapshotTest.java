package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void jarsAreCopiedDirectoriesKeptAndTheCopiesOutliveTheOriginals() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jar"), "A");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("a.jar"), "B");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String cp = String.join(File.pathSeparator, a.toString(), classes.toString(), b.toString());
        Path run = dir.resolve("run");

        List<String> copied = List.of(ClasspathSnapshot.of(cp, run).split(File.pathSeparator));

        assertThat(copied).hasSize(3);
        assertThat(copied.get(1)).isEqualTo(classes.toString());
        assertThat(Path.of(copied.get(0))).startsWith(run).hasContent("A");
        assertThat(Path.of(copied.get(2))).startsWith(run).hasContent("B");
        Files.delete(a);
        assertThat(Path.of(copied.get(0))).hasContent("A");
    }

    @Test
    void jarWithItsOwnClassPathManifestStaysWhereItIs() throws Exception {
        Path booter = dir.resolve("booter.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "../lib/x.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(booter), manifest)) {
            out.flush();
        }
        assertThat(ClasspathSnapshot.of(booter.toString(), dir.resolve("run"))).isEqualTo(booter.toString());
    }

    @Test
    void unchangedClassPathReusesItsSnapshotAndAChangedJarGetsANewOne() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jar"), "A");
        Path run = dir.resolve("run");
        String first = ClasspathSnapshot.of(a.toString(), run);
        assertThat(ClasspathSnapshot.of(a.toString(), run)).isEqualTo(first);
        Files.writeString(a, "A, rebuilt and longer");
        String second = ClasspathSnapshot.of(a.toString(), run);
        assertThat(second).isNotEqualTo(first);
        assertThat(Path.of(second)).hasContent("A, rebuilt and longer");
    }
}
