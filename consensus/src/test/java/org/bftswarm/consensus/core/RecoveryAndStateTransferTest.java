package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Signed;
import org.junit.jupiter.api.Test;

class RecoveryAndStateTransferTest {

    @Test
    void aRestartedBackupKeepsItsSignedPrepareAndRejectsAConflictingPrePrepare() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.network = d -> d.message().body() instanceof Message.Commit ? null : d;
        c.submit(c.request(new byte[] {1}));
        c.run(10);
        assertThat(c.stores[1].load().slots().get(1L).myPrepare()).isNotNull();
        c.crashAndRecover(1);
        Signed conflicting = Signed.sign(
                TestCluster.SWARM, c.keys[0], 0, new PrePrepare(0, 1, Batch.of(c.now, List.of(c.request(new byte[] {2
                })))));
        c.perform(1, c.replicas[1].step(c.verified(conflicting)));
        assertThat(c.dropped(1, "equivocating pre-prepare")).isPositive();
        assertThat(c.stores[1].load().slots().get(1L).myPrepare().body())
                .isEqualTo(c.replicas[1].log.get(1L).myPrepare.body());
    }

    @Test
    void aBackupThatMissedSeveralCheckpointsCatchesUpByStateTransferToTheSameDigest() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.down.add(3);
        for (int k = 0; k < 20; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        assertThat(c.replicas[0].stableCheckpoint()).isEqualTo(20);
        c.down.remove(3);
        c.run(500);
        assertThat(c.effects[3]).anyMatch(e -> e instanceof Effect.StateInstalled);
        assertThat(c.replicas[3].lastExecuted()).isEqualTo(20);
        assertThat(c.services[3].digest()).isEqualTo(c.services[0].digest());
    }

    @Test
    void bogusStateChunksAreDetectedAndAnotherSourceIsUsed() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.down.add(3);
        for (int k = 0; k < 12; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        c.down.remove(3);
        c.network = d -> {
            if (d.message().body() instanceof StateChunk sc && d.from() == 0) {
                byte[] junk = new byte[sc.data().length];
                Arrays.fill(junk, (byte) 0x55);
                return new TestCluster.Delivery(
                        0,
                        d.to(),
                        Signed.sign(
                                TestCluster.SWARM,
                                c.keys[0],
                                0,
                                new StateChunk(
                                        sc.seq(), sc.chunk(), sc.totalChunks(), sc.totalLength(), junk, sc.proof())));
            }
            return d;
        };
        c.run(1000);
        assertThat(c.dropped(3, "bogus state chunk")).isPositive();
        assertThat(c.replicas[3].lastExecuted()).isEqualTo(12);
        assertThat(c.services[3].digest()).isEqualTo(c.services[1].digest());
    }

    @Test
    void aCrashedReplicaRecoversFromItsDurableCheckpointAndCatchesUp() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 10; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        c.crashAndRecover(2);
        assertThat(c.replicas[2].lastExecuted()).isEqualTo(8);
        c.run(300);
        assertThat(c.replicas[2].lastExecuted()).isEqualTo(10);
        assertThat(c.services[2].digest()).isEqualTo(c.services[0].digest());
    }
}
