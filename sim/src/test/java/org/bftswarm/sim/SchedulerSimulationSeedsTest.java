package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI proof of the scheduler's safety under Byzantine faults: 100 seeds (90 with n = 4, 10 with n = 7),
 * each with f Byzantine replicas, a Byzantine node worker, drops, duplicates, delays, partitions and
 * crash/restart, end with every submitted task terminal, exactly one accepted result per finished
 * {@code none} task matching the fake executor, every quorum task's accepted results equal to the
 * deterministic result and verified by f+1 nodes (never DISPUTED) though the Byzantine worker forges
 * its own votes, agreeing scheduler digests at every checkpoint, and no correct node evicted or
 * quarantined, every job exactly what its client signed though the Byzantine node's API drops, alters,
 * forges and replays the users' signed operations, every completed data job's reduced result the one its
 * dataset gives (under {@code quorum} despite forged shard results); and the forged, stale and suspicious operations,
 * forged votes, altered and replayed client operations and a reader's submissions really were sent
 * and refused.
 */
class SchedulerSimulationSeedsTest {

    private static String failures(ByteArrayOutputStream log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.endsWith(" FAILED") || line.startsWith("  ")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void hundredSeedsGiveEveryTaskExactlyOneCorrectResultDespiteByzantineReplicasNodesAndCrashes() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        SchedulerSimulation.Summary four = SchedulerSimulation.runSeeds(1, 90, 4, 1, SchedulerVariant.CORRECT, 2, out);
        SchedulerSimulation.Summary seven = SchedulerSimulation.runSeeds(1, 10, 7, 2, SchedulerVariant.CORRECT, 2, out);
        assertThat(four.violations() + seven.violations()).as(failures(log)).isZero();
        assertThat(four.livenessFailures() + seven.livenessFailures())
                .as(failures(log))
                .isZero();
        List<SchedulerWorkload.Figures> all = new ArrayList<>(four.figures());
        all.addAll(seven.figures());
        assertThat(all).hasSize(100);
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::succeeded).sum())
                .isPositive();
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::failed).sum())
                .as("retries/timeouts exhausted")
                .isPositive();
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::cancelled).sum())
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::forgedRejected)
                        .sum())
                .as("reports for other nodes' tasks were sent and rejected")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::staleIgnored)
                        .sum())
                .as("stale attempts were reported and ignored")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::batchedReports)
                        .sum())
                .as("reports were ordered in batches too")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::suspicionsRecorded)
                        .sum())
                .as("the Byzantine node's suspicions were ordered (and evicted no one)")
                .isPositive();
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::quorumJobs).sum())
                .as("jobs verified by a quorum")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::quorumSucceeded)
                        .sum())
                .as("quorum tasks that succeeded")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::forgedVotes)
                        .sum())
                .as("the Byzantine worker's forged votes were accepted as votes (and outvoted)")
                .isPositive();
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::viaEntry).sum())
                .as("signed operations handed to the Byzantine node's API")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::droppedByEntry)
                        .sum())
                .as("signed operations the entry dropped (and the users retried)")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::alteredRefused)
                        .sum())
                .as("altered or forged client operations answered UNAUTHORIZED")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::replaysRefused)
                        .sum())
                .as("replayed client operations answered REPLAYED")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::readerForbidden)
                        .sum())
                .as("a reader's signed submissions answered FORBIDDEN")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::dataNoneComplete)
                        .sum())
                .as("data jobs without verification that completed and were checked against their dataset")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::dataQuorumComplete)
                        .sum())
                .as("quorum data jobs that completed with the dataset's result despite forged shard votes")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::dataForgedChanged)
                        .sum())
                .as("data jobs without verification whose result the Byzantine node's forged shard changed")
                .isPositive();
        assertThat(all.stream().mapToLong(SchedulerWorkload.Figures::nodesDown).sum())
                .as("crashed nodes marked DOWN by their correct peers' suspicions (their tasks moved on)")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::agentRestarts)
                        .sum())
                .as("worker loops started again after their node's crash (adopting or relaunching attempts)")
                .isPositive();
        assertThat(all.stream()
                        .mapToLong(SchedulerWorkload.Figures::machinesLost)
                        .sum())
                .as("crashes that took the node's containers with it")
                .isPositive();
    }

    @Test
    void theSameSeedReplaysExactly() {
        SchedulerSimulation.SeedResult a = SchedulerSimulation.runSeed(7, 4, 1, SchedulerVariant.CORRECT);
        SchedulerSimulation.SeedResult b = SchedulerSimulation.runSeed(7, 4, 1, SchedulerVariant.CORRECT);
        assertThat(b.figures()).isEqualTo(a.figures());
        assertThat(b.sim().executedSeqs()).isEqualTo(a.sim().executedSeqs());
        assertThat(b.sim().virtualMillis()).isEqualTo(a.sim().virtualMillis());
    }

    @Test
    void aFailingSeedPrintsItsReplayCommand() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SchedulerSimulation.Summary s = SchedulerSimulation.runSeeds(
                1,
                1,
                4,
                1,
                SchedulerVariant.EVICT_ON_ONE_SUSPICION,
                1,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(s.violations()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("  replay: ")
                .contains("./bftswarm sim --scheduler --seeds 1 --seed 1 --replicas 4 --byzantine 1"
                        + " --variant EVICT_ON_ONE_SUSPICION");
    }
}
