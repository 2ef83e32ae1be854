package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint certified by 2f+1 signers stays obtainable from its f+1 correct signers (PBFT
 * section 4.3) even when they restart before it became stable for them: they keep the snapshot
 * behind every CHECKPOINT they sign.
 */
class OwnCheckpointRecoveryTest {
    private static final int LIAR = 0;

    /** Replica 0 signs its own true checkpoints but sends others wrong digests and junk state chunks. */
    private static TestCluster.Delivery lieAboutCheckpoints(TestCluster c, TestCluster.Delivery d) {
        if (d.from() != LIAR) {
            return d;
        }
        if (d.message().body() instanceof Checkpoint cp) {
            Checkpoint lie = new Checkpoint(cp.seq(), Digest.sha256(new byte[] {(byte) cp.seq()}));
            return new TestCluster.Delivery(LIAR, d.to(), Signed.sign(TestCluster.SWARM, c.keys[LIAR], LIAR, lie));
        }
        if (d.message().body() instanceof StateChunk sc) {
            byte[] junk = new byte[sc.data().length];
            Arrays.fill(junk, (byte) 0x55);
            StateChunk lie = new StateChunk(sc.seq(), sc.chunk(), sc.totalChunks(), sc.totalLength(), junk, sc.proof());
            return new TestCluster.Delivery(LIAR, d.to(), Signed.sign(TestCluster.SWARM, c.keys[LIAR], LIAR, lie));
        }
        return d;
    }

    @Test
    void aCheckpointCertifiedByRestartedCorrectSignersAndALiarIsInstalledAndRequestsKeepCompleting() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.network = d -> lieAboutCheckpoints(c, d);
        c.down.add(2);
        for (int k = 0; k < 4; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        // 0, 1 and 3 executed 1..4 and signed checkpoint 4; only the liar holds its certificate
        assertThat(c.replicas[LIAR].stableCheckpoint()).isEqualTo(4);
        assertThat(c.replicas[1].stableCheckpoint()).isZero();
        assertThat(c.replicas[3].stableCheckpoint()).isZero();
        // both correct signers restart (their commit certificates for 1..4 are gone) and 2 comes back
        c.crashAndRecover(1);
        c.crashAndRecover(3);
        c.down.remove(2);
        // the next primary (1) hears the liar's view change, with its stable certificate, before 3's
        c.network = d -> d.from() == 3 && d.to() == 1 && d.message().body() instanceof ViewChange
                ? null
                : lieAboutCheckpoints(c, d);
        c.submit(c.request(new byte[] {9}));
        c.run(5_000);
        for (int i = 1; i < 4; i++) {
            assertThat(c.replicas[i].lastExecuted())
                    .as("replica %d executed", i)
                    .isEqualTo(5);
            assertThat(c.replicas[i].stableCheckpoint())
                    .as("replica %d stable", i)
                    .isEqualTo(4);
            assertThat(c.services[i].digest()).isEqualTo(c.services[LIAR].digest());
        }
    }
}
