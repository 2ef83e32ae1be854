package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.node.NodeFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --byzantine NODE:BEHAVIOUR} and {@code node --byzantine BEHAVIOUR}: the behaviour reaches
 * exactly the named node's command line, and both commands refuse it (exit 1, naming the key) unless
 * the configuration says {@code testing.allowByzantine: true}. Nothing here starts a node.
 */
class ByzantineFlagsCliTest {
    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("cluster.yaml");
        Files.writeString(config, configText(false));
    }

    private static String configText(boolean allowByzantine) {
        return String.join(
                "\n",
                "swarm: unit-byzantine",
                "nodes:",
                "  count: 4",
                "  httpPort: 47610",
                "  wsPort: 47710",
                "  randomPortRange: {min: 47800, max: 47899}",
                "cleanup: false",
                "dataDir: cluster-data",
                allowByzantine ? "testing: {allowByzantine: true}" : "",
                "");
    }

    @Test
    void upByzantineTwoFakeResultsPutsFakeResultsOnNodeTwosCommandLineOnly() throws Exception {
        Files.writeString(config, configText(true));
        ClusterTarget target = new ClusterOptions(config, null)
                .open(dir, new PrintWriter(new StringWriter()), (r, w) -> {})
                .orElseThrow();
        NodeSpawner spawner = new NodeSpawner(target, ByzantineAssignments.parse(List.of("2:fake-results"), 4));

        List<String> two = nodeArguments(spawner.command(2));
        assertThat(two).containsSequence("--byzantine", "fake-results");
        assertThat(two.stream().filter("--byzantine"::equals)).hasSize(1);
        for (int honest : List.of(0, 1, 3)) {
            assertThat(nodeArguments(spawner.command(honest))).doesNotContain("--byzantine");
        }
        assertThat(NodeCommandLine.isNodeCommand(
                        spawner.command(2), 2, target.layout().dataDir()))
                .isTrue();
    }

    @Test
    void aCommaListGivesEachNodeItsOwnFlags() throws Exception {
        Files.writeString(config, configText(true));
        ClusterTarget target = new ClusterOptions(config, null)
                .open(dir, new PrintWriter(new StringWriter()), (r, w) -> {})
                .orElseThrow();
        NodeSpawner spawner =
                new NodeSpawner(target, ByzantineAssignments.parse(List.of("2:fake-results", "1:tamper-output"), 4));
        assertThat(nodeArguments(spawner.command(1))).containsSequence("--byzantine", "tamper-output");
        assertThat(nodeArguments(spawner.command(2))).containsSequence("--byzantine", "fake-results");
    }

    @Test
    void upWithByzantineIsRefusedWithoutAllowByzantineBeforeAnythingIsMade() {
        CliRun r = CliRun.of(
                "up",
                "--byzantine",
                "2:fake-results,1:tamper-output",
                "--skip-docker-check",
                "--timeout",
                "1",
                "--config",
                config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bftswarm up:").contains("testing.allowByzantine: true");
        assertThat(dir.resolve("cluster-data")).doesNotExist();
    }

    @Test
    void nodeWithByzantineIsRefusedWithoutAllowByzantine() {
        CliRun r = CliRun.of("node", "--id", "1", "--byzantine", "fake-results", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bftswarm node 1:").contains("testing.allowByzantine: true");
    }

    @Test
    void anUnknownBehaviourIsAUsageErrorListingTheValidOnes() {
        CliRun node = CliRun.of("node", "--id", "1", "--byzantine", "lie", "--config", config.toString());
        assertThat(node.exitCode()).isEqualTo(2);
        assertThat(node.err()).contains("unknown Byzantine behaviour `lie`").contains(NodeFault.cliNames());

        CliRun up = CliRun.of("up", "--byzantine", "1:lie", "--config", config.toString());
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.err()).contains("unknown Byzantine behaviour `lie`").contains(NodeFault.cliNames());
    }

    @Test
    void upNamingANodeOutsideTheClusterIsAUsageError() {
        CliRun r = CliRun.of("up", "--byzantine", "9:fake-results", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no node 9 in a cluster of 4");
    }

    @Test
    void configValidateSaysLoudlyWhenByzantineBehavioursAreAllowed() throws Exception {
        assertThat(CliRun.of("config", "validate", config.toString()).all()).doesNotContain("ALLOWED");
        Files.writeString(config, configText(true));
        CliRun r = CliRun.of("config", "validate", config.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.all()).contains("Byzantine behaviours ALLOWED").contains("testing.allowByzantine");
    }

    @Test
    void helpListsTheBehaviours() {
        for (String command : List.of("node", "up")) {
            String help = CliRun.of(command, "--help").out();
            for (NodeFault f : NodeFault.values()) {
                assertThat(help).as("%s --help", command).contains(f.cliName());
            }
        }
    }

    /** The arguments after {@code Main}: the node subcommand and its options. */
    private static List<String> nodeArguments(List<String> command) {
        return command.subList(command.indexOf(NodeCommandLine.MAIN_CLASS) + 1, command.size());
    }
}
