package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Replica#quiescent()}: true only while no request waits and nothing ordered is unexecuted. */
class ReplicaQuiescenceTest {

    @Test
    void aReplicaIsQuiescentOnlyWhileNoRequestWaitsOnIt() {
        TestCluster c = new TestCluster(4, cfg -> cfg.withBatching(64, 5));
        for (Replica r : c.replicas) {
            assertThat(r.quiescent()).as("fresh replica %d", r.id()).isTrue();
        }
        c.down.add(2);
        c.down.add(3);
        c.submit(c.request(new byte[] {1}));
        c.run(50);
        for (int i = 0; i < 2; i++) {
            assertThat(c.replicas[i].lastExecuted()).isZero();
            assertThat(c.replicas[i].quiescent())
                    .as("replica %d holds a request no quorum has ordered yet", i)
                    .isFalse();
        }
        c.down.clear();
        c.submit(c.request(new byte[] {2}));
        c.run(3_000);
        for (Replica r : c.replicas) {
            assertThat(r.lastExecuted()).isEqualTo(2);
            assertThat(r.quiescent())
                    .as("replica %d after executing both", r.id())
                    .isTrue();
        }
    }
}
