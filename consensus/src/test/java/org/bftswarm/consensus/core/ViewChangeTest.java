package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.NewView;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Signed;
import org.junit.jupiter.api.Test;

class ViewChangeTest {

    @Test
    void aSilentPrimaryIsReplacedAndTheRequestExecutesInTheNextView() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.down.add(0);
        c.submit(c.request(new byte[] {1}));
        c.run(1000);
        for (int i = 1; i < 4; i++) {
            assertThat(c.replicas[i].view()).isEqualTo(1);
            assertThat(c.replicas[i].inViewChange()).isFalse();
            assertThat(c.replicas[i].lastExecuted()).isEqualTo(1);
        }
    }

    @Test
    void aRequestPreparedInTheOldViewSurvivesIntoTheNewView() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        // commits of view 0 never arrive: the batch is prepared everywhere but executed nowhere in view 0
        c.network = d -> d.message().body() instanceof Message.Commit cm && cm.view() == 0 ? null : d;
        c.submit(c.request(new byte[] {7}));
        c.run(20);
        assertThat(c.replicas[1].lastExecuted()).isZero();
        assertThat(c.replicas[1].log.get(1L).prepared).isNotNull();
        c.down.add(0);
        c.run(1500);
        for (int i = 1; i < 4; i++) {
            assertThat(c.replicas[i].view()).isGreaterThanOrEqualTo(1);
            assertThat(c.replicas[i].lastExecuted()).isEqualTo(1);
            assertThat(c.services[i].count()).isEqualTo(1);
        }
    }

    @Test
    void aNewViewWhoseReProposalsDifferFromTheRecomputedChoiceIsRejected() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        // replica 1 (primary of view 1) replaces its NEW-VIEW re-proposals with an invented batch
        c.network = d -> {
            if (d.message().body() instanceof NewView nv && d.from() == 1) {
                Signed bogus = Signed.sign(
                        TestCluster.SWARM,
                        c.keys[1],
                        1,
                        new PrePrepare(nv.view(), 1, Batch.of(c.now, List.of(c.request(new byte[] {66})))));
                return new TestCluster.Delivery(
                        1,
                        d.to(),
                        Signed.sign(
                                TestCluster.SWARM,
                                c.keys[1],
                                1,
                                new NewView(nv.view(), nv.viewChanges(), List.of(bogus))));
            }
            return d;
        };
        c.down.add(0);
        c.submit(c.request(new byte[] {1}));
        c.run(400);
        assertThat(c.dropped(2, "differs from the recomputed choice") + c.dropped(2, "re-proposes"))
                .isPositive();
        assertThat(c.replicas[2].view() == 1 && !c.replicas[2].inViewChange()).isFalse();
    }

    @Test
    void oneReplicaAskingForAHigherViewDoesNotMoveTheOthers() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.run(10);
        c.replicas[3].viewChanger.start(5);
        c.perform(3, c.replicas[3].drain());
        c.run(100);
        for (int i = 0; i < 3; i++) {
            assertThat(c.replicas[i].view()).isZero();
        }
    }

    @Test
    void fPlusOneReplicasAskingForAHigherViewMakeTheOthersJoin() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.run(10);
        for (int i = 2; i < 4; i++) {
            c.replicas[i].viewChanger.start(1);
            c.perform(i, c.replicas[i].drain());
        }
        c.run(200);
        for (int i = 0; i < 4; i++) {
            assertThat(c.replicas[i].view()).isEqualTo(1);
            assertThat(c.replicas[i].inViewChange()).isFalse();
        }
    }

    @Test
    void aReplicaCutOffAloneWaitsInItsFirstViewChangeAndRejoinsWhenTheOthersChangeView() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.network = d -> d.to() == 3 && d.from() != TestCluster.CLIENT || d.from() == 3 ? null : d;
        c.queue.add(new TestCluster.Delivery(TestCluster.CLIENT, 3, c.request(new byte[] {1})));
        c.run(10_000);
        assertThat(c.replicas[3].inViewChange()).isTrue();
        assertThat(c.replicas[3].view()).isEqualTo(1);
        c.network = d -> d;
        c.submit(c.request(new byte[] {2}));
        c.run(1000);
        assertThat(c.replicas[3].view())
                .as("still waiting in view 1, not racing ahead")
                .isEqualTo(1);
        assertThat(c.services[3].digest()).as("caught up by COMMIT-PROOF").isEqualTo(c.services[0].digest());
        c.down.add(0);
        c.submit(c.request(new byte[] {3}));
        c.run(3000);
        for (int i = 1; i < 4; i++) {
            assertThat(c.replicas[i].inViewChange()).as("replica %d", i).isFalse();
            assertThat(c.replicas[i].view()).as("replica %d", i).isEqualTo(1);
            assertThat(c.services[i].count())
                    .as("requests 2 and 3 (1 reached only replica 3)")
                    .isEqualTo(2);
            assertThat(c.services[i].digest()).isEqualTo(c.services[1].digest());
        }
    }
}
