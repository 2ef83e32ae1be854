package org.bftswarm.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.core.Quorums;
import org.junit.jupiter.api.Test;

/**
 * The simulator is generic in its state machine and workload: running the default hash-chain
 * workload through the public {@link SimWorkload} entry point gives exactly the default run, and a
 * workload's own end-of-run violations and unfinished work are reported as the run's.
 */
class GenericWorkloadTest {

    @Test
    void anExplicitChainWorkloadReplaysTheDefaultRunExactly() {
        for (long seed = 3; seed <= 5; seed++) {
            Scenario sc = Scenario.derive(seed, 4, 1);
            SimResult viaDefault = SimulationRunner.runSeed(sc, Quorums::new);
            SimResult viaWorkload =
                    SimulationRunner.runSeed(sc, Quorums::new, new ChainWorkload(sc.clients(), sc.requestsAfterHeal()));
            assertThat(viaWorkload.executedSeqs()).isEqualTo(viaDefault.executedSeqs());
            assertThat(viaWorkload.virtualMillis()).isEqualTo(viaDefault.virtualMillis());
            assertThat(viaWorkload.viewChanges()).isEqualTo(viaDefault.viewChanges());
            assertThat(viaWorkload.rejectedMessages()).isEqualTo(viaDefault.rejectedMessages());
            assertThat(viaWorkload.violations())
                    .isEqualTo(viaDefault.violations())
                    .isEmpty();
        }
    }

    /** Chain workload that also flags a violation and never declares itself finished. */
    static final class NeverDone implements SimWorkload {
        private final ChainWorkload inner = new ChainWorkload(2, 3);

        @Override
        public List<Integer> clientIds() {
            return inner.clientIds();
        }

        @Override
        public ReplicatedStateMachine newStateMachine(int replica) {
            return inner.newStateMachine(replica);
        }

        @Override
        public void start(SimContext ctx) {
            inner.start(ctx);
        }

        @Override
        public byte[] nextOperation(SimContext ctx, int clientId) {
            return inner.nextOperation(ctx, clientId);
        }

        @Override
        public void completed(SimContext ctx, int clientId, long requestNumber, byte[] operation, byte[] result) {
            inner.completed(ctx, clientId, requestNumber, operation, result);
        }

        @Override
        public void healed(SimContext ctx) {
            inner.healed(ctx);
        }

        @Override
        public boolean finished(SimContext ctx) {
            return false;
        }

        @Override
        public String progress(SimContext ctx) {
            return " still waiting";
        }

        @Override
        public List<String> finalViolations(SimContext ctx) {
            return List.of("workload saw something wrong");
        }
    }

    @Test
    void aWorkloadsViolationsAndUnfinishedWorkFailTheRun() {
        Scenario base = Scenario.derive(1, 4, 0);
        Scenario shortBound = new Scenario(1, 4, 0, base.byzantineReplicas(), 2, 500, 0, 0, 3, false, false, 3, 200);
        SimResult r = SimulationRunner.runSeed(shortBound, Quorums::new, new NeverDone());
        assertThat(r.violations()).containsExactly("workload saw something wrong");
        assertThat(r.live()).isFalse();
        assertThat(r.livenessFailure()).contains("still waiting");
    }
}
