package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.junit.jupiter.api.Test;

/** The replica's retransmission backs off when idle, and still delivers what a lagging peer needs. */
class RetransmitBackoffClusterTest {

    private static long checkpointBroadcasts(TestCluster c, int replica, int fromIndex) {
        return c.effects[replica].subList(fromIndex, c.effects[replica].size()).stream()
                .filter(e -> e instanceof Effect.Broadcast b && b.message().body() instanceof Checkpoint)
                .count();
    }

    @Test
    void anIdleClusterReSendsItsStableCheckpointAtMostOncePerSixteenIntervalsOnceBackedOff() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 4; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        assertThat(c.replicas[0].stableCheckpoint()).isEqualTo(4);
        c.run(2000); // let the backoff reach its cap
        int mark = c.effects[0].size();
        c.run(8000); // 160 retransmission intervals of 50 ms
        long resends = checkpointBroadcasts(c, 0, mark);
        assertThat(resends).as("re-sent, but backed off to one per 16 x 50 ms").isBetween(8L, 11L);
    }

    @Test
    void newProgressResetsTheBackoffToTheBaseInterval() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 4; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        c.run(3000);
        assertThat(c.replicas[0].resender.currentWait()).isEqualTo(16 * 50);
        c.submit(c.request(new byte[] {9}));
        c.run(60);
        assertThat(c.replicas[0].lastExecuted()).isEqualTo(5);
        assertThat(c.replicas[0].resender.currentWait()).isEqualTo(50);
    }

    @Test
    void aReplicaThatWasDownWhileTheClusterWentIdleStillLearnsTheStableCheckpointAndCatchesUp() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.down.add(3);
        for (int k = 0; k < 8; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        c.run(5000); // everyone else backed off to the cap
        c.down.remove(3);
        c.run(3000);
        assertThat(c.replicas[3].lastExecuted()).isEqualTo(8);
        assertThat(c.services[3].digest()).isEqualTo(c.services[0].digest());
    }
}
