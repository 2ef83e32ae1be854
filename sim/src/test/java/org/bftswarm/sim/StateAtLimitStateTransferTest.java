package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.sim.Behaviour;
import org.bftswarm.consensus.sim.Scenario;
import org.bftswarm.consensus.sim.SimResult;
import org.bftswarm.consensus.sim.SimulationRunner;
import org.junit.jupiter.api.Test;

/**
 * State transfer at the state's bound, in the simulator: the scheduler's replicated state is kept at its
 * budget by expiring finished jobs that each hold 64 KiB of barely compressible output, a replica is cut off
 * until the others are more than the watermark window and two checkpoints past it, and once let back it
 * fetches the certified snapshot in {@value #CHUNK}-byte chunks (each with its Merkle proof) while the node
 * workers keep ordering ticks. Every correct replica must end at the same executed sequence and state digest.
 */
class StateAtLimitStateTransferTest {
    private static final int CHUNK = 512;
    private static final long[] SEEDS = {1};

    private static Scenario quietNetwork(long seed) {
        return new Scenario(
                seed,
                StateAtLimitWorkload.N,
                0,
                Map.<Integer, EnumSet<Behaviour>>of(),
                0,
                0,
                0,
                0,
                3,
                false,
                false,
                0,
                120_000);
    }

    @Test
    void aReplicaCutOffPastTwoCheckpointsWithTheStateAtItsBudgetCatchesUpBySmallChunkStateTransferAndConverges() {
        for (long seed : SEEDS) {
            long t0 = System.nanoTime();
            StateAtLimitWorkload w = new StateAtLimitWorkload(seed, CHUNK);
            SimResult r = SimulationRunner.runSeed(quietNetwork(seed), Quorums::new, w);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(
                    "seed=%d accepted=%d expired=%d budget_refusals=%d cut_at_release=%d others_at_release=%d"
                            + " snapshot_at_release=%d largest_transferred=%d transfers=%d executed=%d"
                            + " virtual_ms=%d wall_ms=%d%n",
                    seed,
                    w.acceptedJobs(),
                    w.expiredJobs(),
                    w.budgetRefusals,
                    w.cutExecutedAtRelease,
                    w.othersExecutedAtRelease,
                    w.snapshotBytesAtRelease,
                    r.largestTransferBytes(),
                    r.stateTransfers(),
                    r.executedSeqs(),
                    r.virtualMillis(),
                    wallMs);
            String replay = "seed " + seed + " (chunk " + CHUNK + "): replay with StateAtLimitWorkload(" + seed + ", "
                    + CHUNK + ") over the scenario quietNetwork(" + seed + ")";
            assertThat(r.violations()).as("safety, %s", replay).isEmpty();
            assertThat(r.livenessFailure())
                    .as("convergence after the cut, %s", replay)
                    .isNull();
            assertThat(w.expiredWhy().values())
                    .as("finished jobs expired to keep the state within its budget, %s", replay)
                    .anyMatch(why -> why.startsWith("retention: state budget"));
            assertThat(w.othersExecutedAtRelease - w.cutExecutedAtRelease)
                    .as("sequence numbers the cut replica missed, %s", replay)
                    .isGreaterThanOrEqualTo(StateAtLimitWorkload.BEHIND);
            assertThat(r.largestTransferBytes())
                    .as("snapshot fetched by state transfer, %s", replay)
                    .isGreaterThanOrEqualTo(w.snapshotBytesAtRelease * 9 / 10)
                    .isLessThanOrEqualTo(StateAtLimitWorkload.SNAPSHOT_LIMIT_BYTES);
        }
    }
}
