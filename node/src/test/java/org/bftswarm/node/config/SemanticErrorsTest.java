package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** Impossible values are errors at the line and column of the field they concern. */
class SemanticErrorsTest {

    @Test
    void nodeCountBelowOneIsRejected() {
        assertThat(errorAt(parse("swarm: demo", "nodes:", "  count: 0"), "nodes.count", 3, 10)
                        .message())
                .contains("at least 1");
    }

    @Test
    void nodeCountReachingClientIdsIsRejected() {
        errorAt(parse("swarm: demo", "nodes:", "  count: 1001"), "nodes.count", 3, 10);
    }

    @Test
    void emptyNodeListIsRejected() {
        errorAt(parse("swarm: demo", "nodes:", "  list: []"), "nodes.list", 3, 9);
    }

    @Test
    void countAndListTogetherAreRejected() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: 2", "  list:", "    - host: 127.0.0.1");
        assertThat(errorAt(report, "nodes.count", 3, 10).message()).contains("not both");
    }

    @Test
    void listedNodeWithoutHostIsRejected() {
        ConfigReport report =
                parse("swarm: demo", "nodes:", "  list:", "    - host: 127.0.0.1", "    - httpPort: 9000");
        errorAt(report, "nodes.list[1].host", 5, 7);
    }

    @Test
    void invalidHostNameIsRejected() {
        errorAt(parse("swarm: demo", "nodes:", "  list:", "    - host: 'not a host'"), "nodes.list[0].host", 4, 13);
    }

    @Test
    void missingSwarmIsRejected() {
        ConfigReport report = parse("nodes:", "  count: 4");
        assertThat(errorAt(report, "swarm", 1, 1).message()).contains("missing");
    }

    @Test
    void invalidSwarmNameIsRejected() {
        errorAt(parse("swarm: 'two words'"), "swarm", 1, 8);
    }

    @Test
    void portOutOfRangeIsRejected() {
        errorAt(parse("swarm: demo", "nodes:", "  httpPort: 70000"), "nodes.httpPort", 3, 13);
        errorAt(parse("swarm: demo", "nodes:", "  wsPort: 0"), "nodes.wsPort", 3, 11);
    }

    @Test
    void basePortWhoseLastNodeOverflowsIsRejected() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: 4", "  httpPort: 65534");
        assertThat(errorAt(report, "nodes.httpPort", 4, 13).message()).contains("node 3 would get port 65537");
    }

    @Test
    void rangeMinAboveMaxIsRejected() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  randomPortRange:", "    min: 30000", "    max: 29000");
        assertThat(errorAt(report, "nodes.randomPortRange", 4, 5).message()).contains("greater than max");
    }

    @Test
    void rangeTooSmallForTwoPortsPerNodeIsRejected() {
        ConfigReport report =
                parse("swarm: demo", "nodes:", "  count: 4", "  randomPortRange: {min: 30000, max: 30006}");
        assertThat(errorAt(report, "nodes.randomPortRange", 4, 20).message())
                .contains("holds 7 ports")
                .contains("2n = 8");
    }

    @Test
    void rangePortOutOfRangeIsRejected() {
        errorAt(
                parse("swarm: demo", "nodes:", "  randomPortRange: {min: -5, max: 100}"),
                "nodes.randomPortRange.min",
                3,
                26);
    }

    @Test
    void httpAndWsRangesThatOverlapCollide() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: 4", "  httpPort: 8080", "  wsPort: 8082");
        ConfigProblem problem = errorAt(report, "nodes.wsPort", 5, 11);
        assertThat(problem.message())
                .contains("port 8082 of node 0 ws is already used by node 2 http on host 127.0.0.1");
    }

    @Test
    void randomRangeOverlappingHttpPortsCollides() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  randomPortRange: {min: 8082, max: 9000}");
        errorAt(report, "nodes.randomPortRange", 3, 20);
    }

    @Test
    void perNodeOverrideCollidingOnTheSameHostIsRejected() {
        ConfigReport report = parse(
                "swarm: demo",
                "nodes:",
                "  list:",
                "    - host: 127.0.0.1",
                "    - host: localhost",
                "      httpPort: 8080");
        assertThat(errorAt(report, "nodes.list[1].httpPort", 6, 17).message()).contains("node 0 http");
    }

    @Test
    void samePortOnDifferentHostsIsAllowed() {
        ClusterConfig config = valid(
                "swarm: demo",
                "nodes:",
                "  list:",
                "    - host: 127.0.0.1",
                "    - host: 127.0.0.2",
                "      httpPort: 8080");
        assertThat(config.node(1).httpPort()).isEqualTo(config.node(0).httpPort());
    }

    @Test
    void negativeOrZeroTimersAreRejected() {
        ConfigReport report = parse(
                "swarm: demo",
                "consensus:",
                "  batchMaxDelayMs: -1",
                "  requestTimeoutMs: 0",
                "heartbeat:",
                "  periodMs: -500");
        errorAt(report, "consensus.batchMaxDelayMs", 3, 20);
        errorAt(report, "consensus.requestTimeoutMs", 4, 21);
        errorAt(report, "heartbeat.periodMs", 6, 13);
    }

    @Test
    void watermarkWindowSmallerThanCheckpointIntervalIsRejected() {
        ConfigReport report = parse("swarm: demo", "consensus:", "  checkpointInterval: 100", "  watermarkWindow: 50");
        errorAt(report, "consensus.watermarkWindow", 4, 20);
    }

    @Test
    void suspicionTimeoutNotLongerThanHeartbeatPeriodIsRejected() {
        ConfigReport report = parse("swarm: demo", "heartbeat:", "  periodMs: 1000", "  suspicionTimeoutMs: 1000");
        errorAt(report, "heartbeat.suspicionTimeoutMs", 4, 23);
    }

    @Test
    void capacityBelowMinimumIsRejected() {
        ConfigReport report = parse("swarm: demo", "capacity:", "  cpus: 0", "  memoryMb: 5");
        errorAt(report, "capacity.cpus", 3, 9);
        errorAt(report, "capacity.memoryMb", 4, 13);
    }

    @Test
    void badLabelKeyIsRejected() {
        errorAt(parse("swarm: demo", "labels:", "  '-bad': x"), "labels.-bad", 3, 11);
    }

    @Test
    void blankDataDirIsRejected() {
        errorAt(parse("swarm: demo", "dataDir: ''"), "dataDir", 2, 10);
    }

    @Test
    void everySemanticErrorIsCollected() {
        ConfigReport report = parse(
                "swarm: demo",
                "nodes:",
                "  httpPort: 70000",
                "  randomPortRange: {min: 5, max: 1}",
                "capacity: {cpus: 0}");
        assertThat(report.errors())
                .extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("nodes.httpPort", "nodes.randomPortRange", "capacity.cpus");
    }

    @Test
    void fewerThanFourNodesIsValidButWarnsThatFIsZero() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: 3");
        assertThat(report.valid()).isTrue();
        assertThat(report.config().orElseThrow().f()).isZero();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("nodes.count");
            assertThat(w.location()).isEqualTo(new SourceLocation(3, 10));
            assertThat(w.message()).contains("f = ⌊(n−1)/3⌋ = 0").contains("NO faulty node");
        });
    }
}
