package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.sim.Behaviour;
import org.junit.jupiter.api.Test;

/**
 * Liveness of state transfer with large snapshots: the scheduler's snapshot (kilobytes) fetched in
 * 128-byte chunks, i.e. hundreds of chunks per transfer, while steady load keeps producing newer
 * stable checkpoints, with crashes, partitions and (in some seeds) a replica serving bogus chunks.
 * Every lagging replica must still catch up: no liveness failure, no safety violation.
 */
class SmallChunkStateTransferSeedsTest {
    private static final int CHUNK = 128;
    private static final int SEEDS = 16;

    @Test
    void laggingReplicasFinishStateTransferWith128ByteChunksUnderLoadOnEverySeed() {
        List<String> failures = new ArrayList<>();
        long transfers = 0;
        boolean lyingSourceSeen = false;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SchedulerSimulation.SeedResult r = SchedulerSimulation.runSeed(seed, 4, 1, SchedulerVariant.CORRECT, CHUNK);
            transfers += r.sim().stateTransfers();
            if (r.sim().stateTransfers() > 0
                    && r.sim().scenario().byzantineReplicas().values().stream()
                            .anyMatch(b -> b.contains(Behaviour.LYING_CHECKPOINTS))) {
                lyingSourceSeen = true;
            }
            if (!r.ok()) {
                failures.add("seed " + seed + ": " + r.sim().violations() + " "
                        + r.sim().livenessFailure() + "\n  replay: "
                        + SchedulerSimulation.replay(seed, 4, 1, SchedulerVariant.CORRECT)
                                .replace("java -cp", "java -Dschedsim.chunk=" + CHUNK + " -cp"));
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(transfers)
                .as("state transfers completed over %d seeds", SEEDS)
                .isGreaterThanOrEqualTo(SEEDS);
        assertThat(lyingSourceSeen)
                .as("a seed with a replica serving bogus chunks needed a state transfer")
                .isTrue();
    }
}
