package org.bftswarm.tests.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bftswarm.api.NodeJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ClusterHealthProbe;
import org.bftswarm.deploy.launcher.FaultInjector;
import org.bftswarm.state.failure.FailureDetectorSettings;
import org.bftswarm.tests.support.RealCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quiet cluster of real node processes slows its heartbeats below the configured suspicion timeout
 * and is still trusted, and still detects a crash within the bound the crashed node announced.
 *
 * <p>Timers: heartbeat period 500 ms, suspicion timeout 800 ms. Nothing is submitted, so every node
 * is {@code conservative} and beats every 1000 ms: longer than 800 ms, so a detector that ignored the
 * announced interval would suspect every node between two of its heartbeats. Peers instead time each
 * node by its announcement: {@code max(800, 1000 × 800 / 500) = 1600 ms}.
 */
@Tag("docker")
@Timeout(120)
class ConservativeGossipLivenessTest {
    private static final long PERIOD_MS = 500;
    private static final long SUSPICION_MS = 800;
    private static final long MAX_INTERVAL_MS = 2_000;
    /** Watched for this long: 2.5 × the announced bound, 5 × the configured timeout. */
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(4);
    /**
     * What detection may take beyond the bound: the quiet detector's 200 ms evaluation period, ordering
     * f+1 = 2 suspicions through PBFT and this test's 50 ms poll, on a loaded 2-core machine.
     */
    private static final long DETECTION_SLACK_MS = 1_000;

    @TempDir
    Path dir;

    private QuietCluster cluster;

    /** Four nodes on ports 31000-31899, with the short timers above. */
    static final class QuietCluster extends RealCluster {
        QuietCluster(Path dir) throws IOException {
            super(
                    dir,
                    "conservative gossip test",
                    "quiet",
                    new PortBases(31000, 31300, 31600),
                    List.of(
                            "heartbeat:",
                            "  periodMs: " + PERIOD_MS,
                            "  suspicionTimeoutMs: " + SUSPICION_MS,
                            "gossip:",
                            "  minIntervalMs: 250",
                            "  maxIntervalMs: " + MAX_INTERVAL_MS),
                    10 * new SecureRandom().nextInt(30));
        }
    }

    @AfterEach
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    @Test
    void aConservativeNodeIsNotSuspectedPastTheNormalTimeoutAndAKilledOneIsDetectedWithinItsAnnouncedBound()
            throws Exception {
        cluster = new QuietCluster(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "90");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        ClusterHealthProbe health = new ClusterHealthProbe(cluster.target().apiUrls(), Duration.ofSeconds(2));
        int n = RealCluster.N;
        FailoverCluster.await("gossip formed on every node", Duration.ofSeconds(60), health::gossipFormed);
        FailoverCluster.await(
                "every node conservative, every peer's announcement heard",
                Duration.ofSeconds(30),
                () -> allConservative(health, n));
        long announced = announcedBy(health, 0, 1);
        assertThat(announced)
                .as("a quiet node beats less often than the configured timeout allows")
                .isGreaterThan(SUSPICION_MS);
        FailureDetectorSettings detector =
                new FailureDetectorSettings(SUSPICION_MS, 2).following(PERIOD_MS, MAX_INTERVAL_MS);
        long bound = detector.timeoutFor(announced);

        // suspicions are voted only once armed, a suspicion timeout after gossip formed: let that pass
        Thread.sleep(bound);
        long windowEnd = System.nanoTime() + QUIET_WINDOW.toNanos();
        int polls = 0;
        while (System.nanoTime() < windowEnd) {
            for (int via = 0; via < n; via++) {
                List<NodeJson> view =
                        health.nodes(via).orElseThrow(() -> new AssertionError("a node stopped answering"));
                for (NodeJson v : view) {
                    assertThat(v.state())
                            .as("node %d as node %d sees it", v.id(), via)
                            .isEqualTo("UP");
                    assertThat(v.counters().getOrDefault("suspected_by", 0L))
                            .as("ordered suspicions of node %d (seen by node %d)", v.id(), via)
                            .isZero();
                }
            }
            polls++;
            Thread.sleep(100);
        }
        assertThat(polls).isPositive();
        assertThat(allConservative(health, n))
                .as("still conservative at the end of the window")
                .isTrue();

        int primary = cluster.primary();
        int victim = (primary + 1) % n;
        int observer = (primary + 2) % n;
        long victimAnnounced = announcedBy(health, observer, victim);
        long victimBound = detector.timeoutFor(victimAnnounced);
        FaultInjector faults = new FaultInjector(
                cluster.target(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        long killedAt = System.nanoTime();
        assertThat(faults.kill(victim)).isZero();
        FailoverCluster.await(
                "node " + victim + " DOWN as node " + observer + " sees it",
                Duration.ofSeconds(20),
                () -> health.nodes(observer)
                        .flatMap(l -> l.stream().filter(v -> v.id() == victim).findFirst())
                        .map(v -> v.state().equals("DOWN"))
                        .orElse(false));
        long detectedMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf(
                "killed node %d (announced %d ms, bound %d ms): DOWN after %d ms%n",
                victim, victimAnnounced, victimBound, detectedMs);
        assertThat(detectedMs)
                .as(
                        "kill -> DOWN within the announced bound %d ms (+%d ms evaluation and ordering)",
                        victimBound, DETECTION_SLACK_MS)
                .isLessThanOrEqualTo(victimBound + DETECTION_SLACK_MS);
    }

    /** Every node reports itself conservative, and every node has heard every peer's announced interval. */
    private static boolean allConservative(ClusterHealthProbe health, int n) {
        for (int via = 0; via < n; via++) {
            Optional<List<NodeJson>> view = health.nodes(via);
            if (view.isEmpty() || view.get().size() != n) {
                return false;
            }
            for (NodeJson v : view.get()) {
                if (v.gossip() == null || v.gossip().intervalMs() <= PERIOD_MS) {
                    return false;
                }
                if (v.id() == via && !"conservative".equals(v.gossip().mode())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The interval node {@code peer} announced, as node {@code via} heard it. */
    private static long announcedBy(ClusterHealthProbe health, int via, int peer) {
        return health.nodes(via)
                .flatMap(l -> l.stream().filter(v -> v.id() == peer).findFirst())
                .map(v -> v.gossip().intervalMs())
                .orElseThrow(() -> new AssertionError("node " + via + " does not report node " + peer));
    }
}
