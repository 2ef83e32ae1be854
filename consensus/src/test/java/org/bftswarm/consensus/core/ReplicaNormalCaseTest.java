package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.Signed;
import org.junit.jupiter.api.Test;

class ReplicaNormalCaseTest {

    @Test
    void everyReplicaExecutesTheRequestAndRepliesWithTheSameResult() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.submit(c.request(new byte[] {1}));
        c.run(50);
        for (int i = 0; i < 4; i++) {
            assertThat(c.replicas[i].lastExecuted()).isEqualTo(1);
            assertThat(c.replies[i]).hasSize(1);
            assertThat(c.replies[i].get(0).result())
                    .isEqualTo(c.replies[0].get(0).result());
        }
    }

    @Test
    void aRetransmittedRequestIsAnsweredFromTheReplyCacheNotReExecuted() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        Signed r = c.request(new byte[] {9});
        c.submit(r);
        c.run(50);
        c.submit(r);
        c.run(50);
        for (int i = 0; i < 4; i++) {
            assertThat(c.services[i].count()).isEqualTo(1);
            assertThat(c.services[i].duplicates()).isZero();
            assertThat(c.replies[i]).hasSize(2);
            Reply first = c.replies[i].get(0);
            Reply again = c.replies[i].get(1);
            assertThat(again.requestNumber()).isEqualTo(first.requestNumber());
            assertThat(Arrays.equals(again.result(), first.result())).isTrue();
        }
    }

    @Test
    void manySequentialRequestsLeaveIdenticalStateDigestsOnAllReplicas() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 30; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        for (int i = 1; i < 4; i++) {
            assertThat(c.services[i].digest()).isEqualTo(c.services[0].digest());
            assertThat(c.replicas[i].lastExecuted()).isEqualTo(c.replicas[0].lastExecuted());
        }
        assertThat(c.services[0].count()).isEqualTo(30);
    }

    @Test
    void checkpointsBecomeStableAndTheLogIsCollectedBelowThem() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 13; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        for (int i = 0; i < 4; i++) {
            Replica r = c.replicas[i];
            assertThat(r.lastExecuted()).isEqualTo(13);
            assertThat(r.stableCheckpoint()).isEqualTo(12);
            assertThat(r.logSize()).isLessThanOrEqualTo(1);
        }
        assertThat(c.stores[0].load().stable().seq()).isEqualTo(12);
        assertThat(c.stores[0].load().slots().keySet()).allMatch(seq -> seq > 12);
    }

    @Test
    void thePrimaryNeverProposesBeyondTheHighWatermark() {
        TestCluster c = new TestCluster(4, cfg -> cfg.withBatching(1, 0));
        c.down.add(1);
        c.down.add(2);
        for (int k = 0; k < 20; k++) {
            c.nextRequest = k + 1;
            Signed r = Signed.sign(
                    TestCluster.SWARM,
                    c.clientKey,
                    TestCluster.CLIENT,
                    new Message.Request(TestCluster.CLIENT + 0, k + 1, new byte[] {(byte) k}));
            c.queue.add(new TestCluster.Delivery(TestCluster.CLIENT, 0, r));
            c.deliverAll();
        }
        c.run(20);
        assertThat(c.replicas[0].lastExecuted()).isZero();
        assertThat(c.stores[0].load().slots().lastKey()).isLessThanOrEqualTo(8);
    }

    @Test
    void aBackupRejectsBatchTimestampsOutsideTheAllowedSkew() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.run(10);
        c.network = d -> {
            if (d.message().body() instanceof Message.PrePrepare pp && d.to() == 1) {
                var skewed =
                        Batch.of(pp.batch().timestamp() + 60_000, pp.batch().requests());
                return new TestCluster.Delivery(
                        d.from(),
                        d.to(),
                        Signed.sign(
                                TestCluster.SWARM, c.keys[0], 0, new Message.PrePrepare(pp.view(), pp.seq(), skewed)));
            }
            return d;
        };
        c.submit(c.request(new byte[] {1}));
        c.run(20);
        assertThat(c.dropped(1, "too far ahead of local time")).isPositive();
        assertThat(c.replicas[0].lastExecuted()).isEqualTo(1);
    }
}
