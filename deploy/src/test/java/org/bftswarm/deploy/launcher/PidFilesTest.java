package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenPidReadsBackAndDeleteRemovesIt() throws Exception {
        PidFiles files = new PidFiles(new ClusterLayout(dir.toAbsolutePath()));
        files.write(2, 12345);
        assertThat(files.read(2)).hasValue(12345);
        assertThat(Files.readString(dir.resolve("run/node-2.pid"))).isEqualTo("12345\n");
        files.delete(2);
        assertThat(files.read(2)).isEmpty();
    }

    @Test
    void missingPidFileReadsAsAbsent() {
        assertThat(new PidFiles(new ClusterLayout(dir.toAbsolutePath())).read(0))
                .isEmpty();
    }

    @Test
    void garbageZeroNegativeAndHugeValuesAreNotPids() {
        assertThat(PidFiles.parse("")).isEmpty();
        assertThat(PidFiles.parse("abc")).isEmpty();
        assertThat(PidFiles.parse("0")).isEmpty();
        assertThat(PidFiles.parse("-5")).isEmpty();
        assertThat(PidFiles.parse("12 34")).isEmpty();
        assertThat(PidFiles.parse("9".repeat(40))).isEmpty();
        assertThat(PidFiles.parse("  77\n")).hasValue(77);
    }

    @Property
    void everyPositivePidSurvivesTheTextFormat(@ForAll @LongRange(min = 1, max = 999_999_999_999L) long pid) {
        assertThat(PidFiles.parse(pid + "\n")).hasValue(pid);
    }
}
