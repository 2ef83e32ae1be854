package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.bftswarm.node.config.GossipSettings;
import org.bftswarm.node.config.HeartbeatSettings;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.failure.FailureDetector;
import org.bftswarm.state.failure.FailureDetectorSettings;
import org.bftswarm.state.view.Heartbeat;
import org.junit.jupiter.api.Test;

/**
 * Failure detection over adaptive intervals, in virtual time: node 1 chooses its mode with
 * {@link GossipModePolicy}, sends heartbeats that announce the chosen interval (encoded and decoded as
 * on the wire), and node 0's detector, built as a running node builds it, evaluates every 200 ms like
 * the maintenance thread. Delivery delays come from a seeded PRNG (seed printed on failure).
 */
class AnnouncedIntervalLivenessTest {
    private static final HeartbeatSettings HEARTBEAT = HeartbeatSettings.DEFAULTS;
    private static final GossipSettings GOSSIP = GossipSettings.DEFAULTS;
    private static final long TICK = 200;
    private static final long SEED = 20261204L;

    private static FailureDetector peerDetector() {
        return new FailureDetector(new TreeSet<>(List.of(1)), 0, LivenessMonitor.detectorSettings(HEARTBEAT, GOSSIP));
    }

    /** The interval node 1 uses when its n-node cluster is healthy and quiet. */
    private static long conservativeInterval(int n) {
        GossipDecision d = GossipModePolicy.choose(
                new GossipConditions(n, 0, 0, 0, -1, false), HEARTBEAT.periodMs(), 1_000, GOSSIP, 0);
        assertThat(d.mode()).isEqualTo(GossipMode.CONSERVATIVE);
        return d.intervalMillis();
    }

    /** Receipt times of heartbeats sent every {@code interval} until {@code until}, up to {@code maxDelay} late. */
    private static List<long[]> deliveries(long interval, long until, long maxDelay, boolean announce) {
        Random random = new Random(SEED);
        List<long[]> out = new ArrayList<>();
        long seq = 0;
        for (long sent = 0; sent <= until; sent += interval) {
            Heartbeat h = new Heartbeat(1, seq++, sent, announce ? (int) interval : 0);
            out.add(new long[] {sent + (long) (random.nextDouble() * maxDelay), decodedInterval(h)});
        }
        out.sort((a, b) -> Long.compare(a[0], b[0]));
        return out;
    }

    private static long decodedInterval(Heartbeat h) {
        try {
            return Heartbeat.decode(h.encode()).intervalMillis();
        } catch (MalformedBytesException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs node 0's detector over the deliveries until {@code until}; the first time node 1 is suspected, or -1. */
    private static long firstSuspicion(FailureDetector fd, List<long[]> deliveries, long until) {
        int next = 0;
        for (long now = TICK; now <= until; now += TICK) {
            while (next < deliveries.size() && deliveries.get(next)[0] <= now) {
                fd.observe(1, deliveries.get(next)[0], deliveries.get(next)[1]);
                next++;
            }
            if (fd.evaluate(now).suspected().contains(1)) {
                return now;
            }
        }
        return -1;
    }

    @Test
    void aConservativeNodeWhoseHeartbeatsArriveLateIsNeverSuspectedByItsPeers() {
        long interval = conservativeInterval(10);
        assertThat(interval).isEqualTo(2_000);
        // each heartbeat up to 1.5 intervals late: gaps up to 2.5 intervals, i.e. 5 s of silence
        List<long[]> deliveries = deliveries(interval, 120_000, interval * 3 / 2, true);
        assertThat(firstSuspicion(peerDetector(), deliveries, 120_000))
                .as("seed %d", SEED)
                .isEqualTo(-1);
    }

    @Test
    void theSameScheduleWithoutTheAnnouncementWouldGetTheNodeSuspected() {
        long interval = conservativeInterval(10);
        List<long[]> deliveries = deliveries(interval, 120_000, interval * 3 / 2, false);
        assertThat(firstSuspicion(peerDetector(), deliveries, 120_000))
                .as("seed %d: the configured 2 s timeout alone is too short", SEED)
                .isPositive();
    }

    @Test
    void aKilledConservativeNodeIsSuspectedWithinItsAnnouncedBoundAndNotBefore() {
        long interval = conservativeInterval(4);
        FailureDetectorSettings settings = LivenessMonitor.detectorSettings(HEARTBEAT, GOSSIP);
        long bound = settings.timeoutFor(interval);
        assertThat(bound).isEqualTo(4_000);
        List<long[]> deliveries = deliveries(interval, 30_000, 0, true);
        long lastHeard = deliveries.get(deliveries.size() - 1)[0];
        long suspectedAt = firstSuspicion(peerDetector(), deliveries, 60_000);
        assertThat(suspectedAt - lastHeard).isGreaterThan(bound).isLessThanOrEqualTo(bound + TICK);
    }

    @Test
    void aNodeBackToNormalIsJudgedByTheConfiguredTimeoutFromItsFirstNormalHeartbeat() {
        FailureDetector fd = peerDetector();
        fd.observe(1, 1_000, conservativeInterval(10));
        assertThat(fd.timeoutOf(1)).isEqualTo(8_000);
        fd.observe(1, 1_100, HEARTBEAT.periodMs());
        assertThat(fd.timeoutOf(1)).isEqualTo(HEARTBEAT.suspicionTimeoutMs());
        assertThat(fd.evaluate(1_100 + HEARTBEAT.suspicionTimeoutMs() + 1).suspected())
                .containsExactly(1);
    }

    @Test
    void anAnnouncedIntervalAboveTheMaximumIsCapped() {
        FailureDetectorSettings settings = LivenessMonitor.detectorSettings(HEARTBEAT, GOSSIP);
        assertThat(settings.timeoutFor(3_600_000)).isEqualTo(settings.timeoutFor(GOSSIP.maxIntervalMs()));
        assertThat(settings.timeoutFor(0)).isEqualTo(HEARTBEAT.suspicionTimeoutMs());
        assertThat(settings.timeoutFor(250)).isEqualTo(HEARTBEAT.suspicionTimeoutMs());
    }
}
