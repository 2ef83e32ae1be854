package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {
    @TempDir
    Path dir;

    @Test
    void cmdlineSplitsOnNulAndDropsTheTerminator() {
        assertThat(ProcessProbe.splitCmdline("java\0-cp\0a b\0")).containsExactly("java", "-cp", "a b");
        assertThat(ProcessProbe.splitCmdline("")).isEmpty();
    }

    @Test
    void statStateIsTheLetterAfterTheLastParenthesis() {
        assertThat(ProcessProbe.parseStatState("42 (java (x) y) T 1 42")).hasValue('T');
        assertThat(ProcessProbe.parseStatState("42 (sleep) S 1")).hasValue('S');
        assertThat(ProcessProbe.parseStatState("garbage")).isEmpty();
    }

    @Test
    void pidFileOfAnUnrelatedLiveProcessIsNotTheNode() throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.toAbsolutePath());
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            new PidFiles(layout).write(0, sleeper.pid());
            ProcessProbe probe = new ProcessProbe(layout);
            assertThat(ProcessProbe.isAlive(sleeper.pid())).isTrue();
            assertThat(probe.livePid(0)).isEmpty();
            assertThat(probe.state(0)).isEqualTo(ProcessProbe.NodeProcess.NOT_RUNNING);
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void exitedProcessIsNotAlive() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        assertThat(quick.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessProbe.isAlive(quick.pid())).isFalse();
    }

    @Test
    void stoppedProcessIsSeenAsStoppedAndContinues() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Signals.send(sleeper.pid(), Signals.Signal.STOP)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessProbe.statField(sleeper.pid()).orElse('?') != 'T' && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcessProbe.statField(sleeper.pid())).hasValue('T');
            assertThat(Signals.send(sleeper.pid(), Signals.Signal.CONT)).isTrue();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessProbe.statField(sleeper.pid()).orElse('?') == 'T' && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcessProbe.statField(sleeper.pid())).isNotEqualTo(Optional.of('T'));
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void killArgumentsNameTheSignal() {
        assertThat(Signals.killArgs(99, Signals.Signal.STOP)).containsExactly("kill", "-STOP", "99");
    }
}
