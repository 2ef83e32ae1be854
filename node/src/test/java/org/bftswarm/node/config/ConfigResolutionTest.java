package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, deterministic port assignment and the shipped file. */
class ConfigResolutionTest {

    @Test
    void shippedClusterConfigIsValidWithFourNodesToleratingOneFault() {
        ConfigReport report = new ConfigLoader().load(Path.of("..", "cluster-config.yaml"));
        assertThat(report.problems()).isEmpty();
        ClusterConfig config = report.config().orElseThrow();
        assertThat(config.n()).isEqualTo(4);
        assertThat(config.f()).isEqualTo(1);
        assertThat(config.quorum()).isEqualTo(3);
    }

    @Test
    void onlySwarmIsNeededAndEverythingElseTakesItsDefault() {
        ClusterConfig config = valid("swarm: demo");
        assertThat(config.n()).isEqualTo(ConfigDefaults.NODE_COUNT);
        assertThat(config.cleanup()).isTrue();
        assertThat(config.dataDir()).isEqualTo(ConfigDefaults.DATA_DIR);
        assertThat(config.consensus()).isEqualTo(ConsensusSettings.DEFAULTS);
        assertThat(config.heartbeat()).isEqualTo(HeartbeatSettings.DEFAULTS);
        assertThat(config.capacity()).isEqualTo(CapacitySettings.DEFAULTS);
        assertThat(config.labels()).isEmpty();
        assertThat(config.explicitNodeList()).isFalse();
    }

    @Test
    void nodeIGetsBasePlusIAndTwoPortsFromTheRange() {
        ClusterConfig config = valid(
                "swarm: demo",
                "nodes:",
                "  count: 7",
                "  httpPort: 9000",
                "  wsPort: 9500",
                "  randomPortRange: {min: 40000, max: 40013}");
        for (ResolvedNode node : config.nodes()) {
            int i = node.id();
            assertThat(node.host()).isEqualTo("127.0.0.1");
            assertThat(node.httpPort()).isEqualTo(9000 + i);
            assertThat(node.wsPort()).isEqualTo(9500 + i);
            assertThat(node.consensusPort()).isEqualTo(40000 + 2 * i);
            assertThat(node.statePort()).isEqualTo(40000 + 2 * i + 1);
        }
        assertThat(config.f()).isEqualTo(2);
        assertThat(config.quorum()).isEqualTo(5);
    }

    @Test
    void listedNodesKeepTheirOrderHostsAndOverridesAndInheritTheRest() {
        ClusterConfig config = valid(
                "swarm: demo",
                "capacity: {cpus: 4, memoryMb: 2048}",
                "labels: {zone: a, disk: hdd}",
                "nodes:",
                "  list:",
                "    - host: 127.0.0.1",
                "    - host: 127.0.0.2",
                "      httpPort: 9999",
                "      capacity: {cpus: 8}",
                "      labels: {disk: ssd}");
        assertThat(config.explicitNodeList()).isTrue();
        assertThat(config.node(0).httpPort()).isEqualTo(8080);
        assertThat(config.node(0).capacity()).isEqualTo(new CapacitySettings(4, 2048));
        assertThat(config.node(0).labels()).isEqualTo(Map.of("zone", "a", "disk", "hdd"));
        assertThat(config.node(1).host()).isEqualTo("127.0.0.2");
        assertThat(config.node(1).httpPort()).isEqualTo(9999);
        assertThat(config.node(1).wsPort()).isEqualTo(8586);
        assertThat(config.node(1).capacity()).isEqualTo(new CapacitySettings(8, 2048));
        assertThat(config.node(1).labels()).isEqualTo(Map.of("zone", "a", "disk", "ssd"));
    }

    @Test
    void theSameTextAlwaysResolvesToTheSamePortMap() {
        String[] text = {"swarm: demo", "nodes: {count: 10}"};
        assertThat(valid(text)).isEqualTo(valid(text));
    }

    @Test
    void nodeDataDirectoriesLiveUnderTheDataDirRelativeToTheConfigFile() {
        ClusterConfig config = valid("swarm: demo", "dataDir: state");
        Path base = config.dataDirectory(Path.of("/srv/cluster"));
        assertThat(base).isEqualTo(Path.of("/srv/cluster/state"));
        assertThat(config.node(2).dataDir(base)).isEqualTo(Path.of("/srv/cluster/state/node-2"));
    }

    @Test
    void jsonIsAcceptedAsWell() {
        ClusterConfig config = valid("{\"swarm\": \"demo\", \"nodes\": {\"count\": 7}}");
        assertThat(config.n()).isEqualTo(7);
    }

    @Test
    void missingFileIsAProblemWithoutALocation() {
        ConfigReport report = new ConfigLoader().load(Path.of("does-not-exist.yaml"));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.location()).isNull();
            assertThat(p.format()).isEqualTo("does-not-exist.yaml: error: no such file");
        });
    }
}
