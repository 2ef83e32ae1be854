package org.bftswarm.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.bftswarm.consensus.core.Quorums;
import org.junit.jupiter.api.Test;

/**
 * The CI proof of the simulator's safety and liveness checks: 500 seeds over n = 4 (f = 1) and n =
 * 7 (f = 2), each with f Byzantine replicas, drops, duplicates, delays, partitions and
 * crash/restart, end with no safety violation and no liveness failure, and every Byzantine
 * behaviour is exercised.
 */
class SimulationSeedsTest {
    private static final int THREADS = 2;

    private static SimulationRunner.Summary run(int n, int seeds, long first, ByteArrayOutputStream log) {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        return SimulationRunner.runSeeds(first, seeds, n, (n - 1) / 3, Quorums::new, THREADS, out);
    }

    @Test
    void fiveHundredSeedsOverFourAndSevenReplicasWithFByzantineAreSafeAndLive() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SimulationRunner.Summary four = run(4, 350, 1, log);
        SimulationRunner.Summary seven = run(7, 150, 1, log);
        String transcript = log.toString(StandardCharsets.UTF_8);
        assertThat(four.violations()).as(failures(transcript)).isZero();
        assertThat(seven.violations()).as(failures(transcript)).isZero();
        assertThat(four.livenessFailures()).as(failures(transcript)).isZero();
        assertThat(seven.livenessFailures()).as(failures(transcript)).isZero();
        EnumSet<Behaviour> all = EnumSet.copyOf(four.exercised());
        all.addAll(seven.exercised());
        assertThat(all).containsExactlyInAnyOrder(Behaviour.values());
        assertThat(four.viewChanges() + seven.viewChanges()).isPositive();
        assertThat(four.stateTransfers() + seven.stateTransfers()).isPositive();
        assertThat(four.rejected() + seven.rejected())
                .as("forged messages were sent and rejected")
                .isPositive();
        assertThat(four.seeds() + seven.seeds()).isEqualTo(500);
    }

    private static String failures(String transcript) {
        StringBuilder sb = new StringBuilder();
        for (String line : transcript.split("\n")) {
            if (line.contains("FAILED") || line.startsWith("  ")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void theSameSeedReplaysExactly() {
        SimResult a = SimulationRunner.runSeed(42, 4, 1);
        SimResult b = SimulationRunner.runSeed(42, 4, 1);
        assertThat(b.executedSeqs()).isEqualTo(a.executedSeqs());
        assertThat(b.virtualMillis()).isEqualTo(a.virtualMillis());
        assertThat(b.viewChanges()).isEqualTo(a.viewChanges());
        assertThat(b.rejectedMessages()).isEqualTo(a.rejectedMessages());
        assertThat(b.droppedByProtocol()).isEqualTo(a.droppedByProtocol());
    }

    @Test
    void theCommandPrintsTheSummaryLineLastAndExitsZeroOnlyWhenClean() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = SimulationRunner.run(3, 4, 1, 5, new PrintStream(log, true, StandardCharsets.UTF_8));
        String[] lines = log.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("SIM seeds=3 violations=0 liveness_failures=0");
        assertThat(code).isZero();
        assertThat(SimulationRunner.run(3, 3, null, 1, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}
