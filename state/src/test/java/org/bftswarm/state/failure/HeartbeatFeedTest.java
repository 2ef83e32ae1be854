package org.bftswarm.state.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats written periodically reach the failure detector with local receipt times. */
class HeartbeatFeedTest {
    @Test
    void periodicHeartbeatsKeepTheNodeUnsuspectedAndTheirAbsenceSuspectsIt(@TempDir Path dir) throws Exception {
        AtomicLong localClock = new AtomicLong(10_000);
        FailureDetector detector =
                new FailureDetector(new TreeSet<>(List.of(0, 1)), 10_000, new FailureDetectorSettings(2_000, 1));
        try (ClusterStateNode node = ClusterStateNode.open(new StateNodeConfig(
                "feed-swarm", 0, TestKeys.key(0), TestKeys.registry(2), dir.resolve("s.db"), Optional.empty()))) {
            node.addListener(new HeartbeatFeed(detector, localClock::get));
            localClock.set(13_000);
            node.startHeartbeats(20, System::currentTimeMillis);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (node.view().heartbeat(0).map(h -> h.seq()).orElse(-1L) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(node.view().heartbeat(0).orElseThrow().seq()).isGreaterThanOrEqualTo(3);
        }
        SuspicionReport report = detector.evaluate(14_000);
        assertThat(report.suspected())
                .as("node 0 heartbeated at local time 13000; node 1 never")
                .containsExactly(1);
    }
}
