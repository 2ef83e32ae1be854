package org.bftswarm.state.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.view.NodeCounter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A node killed with SIGKILL while writing restarts from at least its last reported commit. */
@Tag("processes")
class KillNineTest {
    static final String SWARM = "kill-swarm";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nodeKilledMidWriteReopensWithEverythingItHadCommittedAndNoInvalidEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.db");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        classpath,
                        CrashChild.class.getName(),
                        file.toString()))
                .redirectErrorStream(true)
                .start();
        long committedSeq;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("COMMITTED "));
            assertThat(line).as("child reported a commit").isNotNull();
            committedSeq = Long.parseLong(line.substring("COMMITTED ".length()).trim());
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no final commit
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (ClusterStateNode reopened = ClusterStateNode.open(
                new StateNodeConfig(SWARM, 0, TestKeys.key(0), TestKeys.registry(1), file, Optional.empty()))) {
            assertThat(reopened.droppedOnLoad()).isZero();
            assertThat(reopened.view().heartbeat(0).orElseThrow().seq()).isGreaterThanOrEqualTo(committedSeq);
            assertThat(reopened.view().counter(0, NodeCounter.TASKS_RUN)).isEqualTo(7);
        }
    }
}
