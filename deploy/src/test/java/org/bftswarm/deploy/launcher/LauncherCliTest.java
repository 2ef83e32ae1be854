package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.deploy.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, option defaults and exit codes of the cluster subcommands, on a cluster that is not running. */
class LauncherCliTest {
    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("cluster.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "swarm: unit-launcher",
                        "nodes:",
                        "  count: 4",
                        "  httpPort: 47310",
                        "  wsPort: 47410",
                        "  randomPortRange: {min: 47500, max: 47599}",
                        "cleanup: false",
                        "dataDir: cluster-data",
                        ""));
    }

    @Test
    void dataDirectoryDefaultsToTheConfigsDataDirRelativeToTheConfigFile() {
        ClusterTarget target = new ClusterOptions(config, null)
                .open(dir, new PrintWriter(new StringWriter()), (r, w) -> {})
                .orElseThrow();
        assertThat(target.layout().dataDir())
                .isEqualTo(dir.resolve("cluster-data").toAbsolutePath().normalize());
        assertThat(target.apiUrls())
                .containsExactly(
                        "http://127.0.0.1:47310",
                        "http://127.0.0.1:47311",
                        "http://127.0.0.1:47312",
                        "http://127.0.0.1:47313");
    }

    @Test
    void dataOptionOverridesTheConfig() {
        ClusterTarget target = new ClusterOptions(config, dir.resolve("elsewhere"))
                .open(dir, new PrintWriter(new StringWriter()), (r, w) -> {})
                .orElseThrow();
        assertThat(target.layout().dataDir()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void invalidConfigIsExitOneWithTheLocatedError() throws Exception {
        Files.writeString(config, "swarm: x\nnodes:\n  count: many\n");
        CliRun r = CliRun.of("status", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(":3:").contains("nodes.count");
    }

    @Test
    void statusOfAStoppedClusterShowsEveryNodeDownAndExitsOne() {
        CliRun r = CliRun.of("status", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("swarm unit-launcher: n = 4, f = 1, view unknown");
        assertThat(r.out().lines().filter(l -> l.contains(" down ")).count()).isEqualTo(4);
    }

    @Test
    void statusJsonNamesEveryNode() {
        CliRun r = CliRun.of("status", "--json", "--config", config.toString());
        assertThat(r.out())
                .contains("\"swarm\" : \"unit-launcher\"")
                .contains("\"apiUrl\" : \"http://127.0.0.1:47313\"");
    }

    @Test
    void downOfAStoppedClusterSucceedsAndStopsNothing() {
        CliRun r = CliRun.of("down", "--config", config.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("stopping 0 running node(s)");
    }

    @Test
    void downPurgeDeletesTheDataDirectory() throws Exception {
        Path data = dir.resolve("cluster-data");
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("api-token"), "t");
        CliRun r = CliRun.of("down", "--purge", "--config", config.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(data).doesNotExist();
    }

    @Test
    void nodeIdOutsideTheClusterIsAUsageError() {
        for (String cmd : List.of("kill", "pause", "resume", "restart")) {
            CliRun r = CliRun.of(cmd, "9", "--config", config.toString());
            assertThat(r.exitCode()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).contains("no node 9 in a cluster of 4");
        }
    }

    @Test
    void faultOnANodeThatIsNotRunningFailsWithExitOne() {
        CliRun r = CliRun.of("kill", "1", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("node 1 is not running");
    }

    @Test
    void submitNeedsAnImageAndWellFormedEnv() {
        assertThat(CliRun.of("submit", "--config", config.toString(), "--", "true")
                        .exitCode())
                .isEqualTo(2);
        CliRun bad = CliRun.of(
                "submit", "--image", "bftswarm/busybox", "--env", "NOPE", "--config", config.toString(), "--", "true");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("KEY=VALUE");
    }

    @Test
    void submitWithoutATokenTellsTheUserToRunUp() {
        CliRun r = CliRun.of("submit", "--image", "bftswarm/busybox", "--config", config.toString(), "--", "true");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no API token").contains("bftswarm up");
    }

    @Test
    void readsAgainstAClusterThatIsNotUpFailWithExitOne() {
        CliRun r = CliRun.of("jobs", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no node of the cluster answered").contains("127.0.0.1:47313");
    }

    @Test
    void benchTasksRejectsZeroTasksAsAUsageError() {
        assertThat(CliRun.of("bench", "tasks", "--tasks", "0", "--config", config.toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
