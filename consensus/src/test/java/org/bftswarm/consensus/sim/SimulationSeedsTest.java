package org.bftswarm.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bftswarm.consensus.core.Quorums;
import org.junit.jupiter.api.Test;

/**
 * The CI proof of the simulator's safety, liveness and convergence checks: fixed seeds over n = 4, 5,
 * 6, 7 and 10 (the same every run) plus a fresh random block of seeds per run, each with f Byzantine
 * replicas, drops, duplicates, delays, partitions and crash/restart, end with no safety violation and
 * with every client done and every correct replica converged after the heal; every Byzantine
 * behaviour is exercised. The random block's base seed is printed first; {@code
 * -Dbftswarm.sim.seed=BASE} replays the block, and every failing seed prints its own replay command.
 */
class SimulationSeedsTest {
    private static final int THREADS = 2;
    /** n -> how many seeds, 1..count, always the same. */
    private static final Map<Integer, Integer> FIXED = sizes(130, 40, 35, 70, 25);
    /** n -> how many seeds from the random base. */
    private static final Map<Integer, Integer> RANDOM = sizes(16, 6, 6, 6, 6);

    private static Map<Integer, Integer> sizes(int four, int five, int six, int seven, int ten) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        m.put(4, four);
        m.put(5, five);
        m.put(6, six);
        m.put(7, seven);
        m.put(10, ten);
        return m;
    }

    private static List<SimulationRunner.Summary> run(
            Map<Integer, Integer> seeds, long first, ByteArrayOutputStream log) {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        List<SimulationRunner.Summary> all = new ArrayList<>();
        seeds.forEach((n, count) -> all.add(
                SimulationRunner.runSeeds(first, count, n, Quorums.faultsTolerated(n), Quorums::new, THREADS, out)));
        return all;
    }

    private static void assertClean(List<SimulationRunner.Summary> summaries, String transcript, String replay) {
        for (SimulationRunner.Summary s : summaries) {
            assertThat(s.violations()).as(replay + "\n" + failures(transcript)).isZero();
            assertThat(s.livenessFailures())
                    .as(replay + "\n" + failures(transcript))
                    .isZero();
        }
    }

    @Test
    void fixedSeedsOverFourToTenReplicasWithFByzantineAreSafeLiveAndConverge() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SimulationRunner.Summary> summaries = run(FIXED, 1, log);
        assertClean(summaries, log.toString(StandardCharsets.UTF_8), "fixed seeds");
        EnumSet<Behaviour> all = EnumSet.noneOf(Behaviour.class);
        long views = 0;
        long transfers = 0;
        long rejected = 0;
        int seeds = 0;
        for (SimulationRunner.Summary s : summaries) {
            all.addAll(s.exercised());
            views += s.viewChanges();
            transfers += s.stateTransfers();
            rejected += s.rejected();
            seeds += s.seeds();
        }
        assertThat(all).containsExactlyInAnyOrder(Behaviour.values());
        assertThat(views).isPositive();
        assertThat(transfers).isPositive();
        assertThat(rejected).as("forged messages were sent and rejected").isPositive();
        assertThat(seeds).isEqualTo(300);
    }

    @Test
    void aFreshRandomBlockOfSeedsOverFourToTenReplicasIsSafeLiveAndConverges() {
        long base = SimulationRunner.randomBlockBase();
        String replay = "random block base seed " + base + ": replay the block with -D" + SimulationRunner.SEED_PROPERTY
                + "=" + base + ", one seed S of it with ./bftswarm sim --seeds 1 --replicas N --seed S";
        System.out.println("SIM " + replay);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SimulationRunner.Summary> summaries = run(RANDOM, base, log);
        assertClean(summaries, log.toString(StandardCharsets.UTF_8), replay);
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

    @Test
    void theSoakRunsUntilItsTimeIsUpAndEndsWithItsSeedsPerSecond() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = SimulationRunner.soak(0.02, 4, 1, 77, new PrintStream(log, true, StandardCharsets.UTF_8));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        String[] lines = log.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines[0]).startsWith("SOAK start first_seed=77 replicas=4 byzantine=1");
        assertThat(lines[lines.length - 1])
                .matches("SOAK seeds=\\d+ failures=0 seconds=\\S+ seeds_per_s=\\S+ last_seed=\\d+");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1200);
        assertThat(code).isZero();
        assertThat(SimulationRunner.soak(0, 4, 1, 1, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}
