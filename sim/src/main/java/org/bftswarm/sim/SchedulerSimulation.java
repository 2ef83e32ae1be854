package org.bftswarm.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.sim.Scenario;
import org.bftswarm.consensus.sim.SimResult;
import org.bftswarm.consensus.sim.SimulationRunner;

/**
 * Runs seeds of the scheduler simulation (consensus + scheduler + real worker loop + fake executor)
 * and prints one line per seed, the parameters, violations and replay command of any failing seed,
 * and the summary {@code SIM scheduler seeds=N violations=V liveness_failures=L} last. Each seed uses the
 * consensus simulator's scenario for (seed, n, f) (Byzantine replicas, drops, duplicates, delays,
 * partitions, crashes) with a chaos phase 2 s longer and a 60 s liveness bound after healing.
 *
 * <p>{@code ./bftswarm sim --scheduler --seeds N [--seed FIRST] [--replicas N] [--byzantine K]
 * [--variant CORRECT|ACCEPT_ANY_REPORTER|EVICT_ON_ONE_SUSPICION|TRUST_FIRST_REPORT|IGNORE_CLIENT_SIGNATURES
 * |DROP_LAST_SHARD|ACCEPT_STALE_REPORT|LOSE_TASK_ON_DOWN|TWO_RUNS_ON_ONE_NODE]}
 */
public final class SchedulerSimulation {
    static final int USERS = 3;

    /** One seed's outcome and the workload's figures. */
    record SeedResult(SimResult sim, String figures, SchedulerWorkload.Figures counts) {
        boolean ok() {
            return sim.safe() && sim.live();
        }
    }

    /** Totals over a run of seeds. */
    record Summary(
            int seeds,
            int violations,
            int livenessFailures,
            long firstFailingSeed,
            List<SchedulerWorkload.Figures> figures) {
        String line() {
            return "SIM scheduler seeds=" + seeds + " violations=" + violations + " liveness_failures="
                    + livenessFailures;
        }
    }

    private SchedulerSimulation() {}

    static Scenario scenario(long seed, int n, int byzantine) {
        Scenario b = Scenario.derive(seed, n, byzantine);
        return new Scenario(
                seed,
                n,
                byzantine,
                b.byzantineReplicas(),
                0,
                b.chaosMillis() + 2000,
                b.dropRate(),
                b.duplicateRate(),
                b.maxDelayMs(),
                b.partitions(),
                b.crashes(),
                0,
                60_000);
    }

    static SeedResult runSeed(long seed, int n, int byzantine, SchedulerVariant variant) {
        return runSeed(seed, n, byzantine, variant, Integer.getInteger("schedsim.chunk", 8192));
    }

    static SeedResult runSeed(long seed, int n, int byzantine, SchedulerVariant variant, int chunkBytes) {
        Scenario sc = scenario(seed, n, byzantine);
        int jobsPerUser = 2 + (int) Math.floorMod(seed, 3L);
        SchedulerWorkload w =
                new SchedulerWorkload(seed, n, sc.byzantineReplicas(), USERS, jobsPerUser, variant, chunkBytes);
        SimResult r = SimulationRunner.runSeed(sc, Quorums::new, w);
        return new SeedResult(r, w.figures(), w.counts());
    }

    static String replay(long seed, int n, int byzantine, SchedulerVariant variant) {
        return "./bftswarm sim --scheduler --seeds 1 --seed " + seed + " --replicas " + n + " --byzantine " + byzantine
                + (variant == SchedulerVariant.CORRECT ? "" : " --variant " + variant);
    }

    static Summary runSeeds(
            long first, int seeds, int n, int byzantine, SchedulerVariant variant, int threads, PrintStream out) {
        List<SeedResult> results = new ArrayList<>();
        SimulationRunner.forEachSeed(first, seeds, threads, seed -> runSeed(seed, n, byzantine, variant), r -> {
            results.add(r);
            if (out != null) {
                print(r, variant, out);
            }
        });
        int violations = 0;
        int liveness = 0;
        long firstFailing = -1;
        List<SchedulerWorkload.Figures> figures = new ArrayList<>();
        for (SeedResult r : results) {
            figures.add(r.counts());
            violations += r.sim().safe() ? 0 : 1;
            liveness += r.sim().live() ? 0 : 1;
            if (!r.ok() && firstFailing < 0) {
                firstFailing = r.sim().scenario().seed();
            }
        }
        return new Summary(seeds, violations, liveness, firstFailing, figures);
    }

    private static void print(SeedResult r, SchedulerVariant variant, PrintStream out) {
        Scenario sc = r.sim().scenario();
        out.println("seed=" + sc.seed() + " n=" + sc.n() + " byz=" + sc.byzantineReplicas() + " " + r.figures()
                + " executed=" + r.sim().executedSeqs() + " checkpoints="
                + r.sim().checkpoints() + " views="
                + r.sim().viewChanges() + " transfers=" + r.sim().stateTransfers() + " virtual_ms="
                + r.sim().virtualMillis() + (r.ok() ? " ok" : " FAILED"));
        if (!r.ok()) {
            out.println("  parameters: " + sc.describe());
            r.sim().violations().forEach(v -> out.println("  violation: " + v));
            if (!r.sim().live()) {
                out.println("  liveness: " + r.sim().livenessFailure());
            }
            out.println("  replay: " + replay(sc.seed(), sc.n(), sc.byzantine(), variant));
        }
    }

    /** The variants {@code --variant} accepts: the real scheduler and the deliberately broken ones. */
    public static List<String> variants() {
        return Arrays.stream(SchedulerVariant.values()).map(Enum::name).toList();
    }

    /**
     * Runs {@code seeds} seeds from {@code first} and prints every seed's line, then the summary; returns
     * 0 only when no seed had a violation or a liveness failure. {@code byzantine} null means f.
     */
    public static int run(long first, int seeds, int replicas, Integer byzantine, String variantName, PrintStream out) {
        SchedulerVariant variant = SchedulerVariant.valueOf(variantName);
        int byz = byzantine == null ? Quorums.faultsTolerated(replicas) : byzantine;
        long t0 = System.nanoTime();
        out.println("SIM scheduler start first_seed=" + first + " seeds=" + seeds + " replicas=" + replicas
                + " byzantine=" + byz + " variant=" + variant);
        Summary s = runSeeds(
                first,
                seeds,
                replicas,
                byz,
                variant,
                Math.min(2, Runtime.getRuntime().availableProcessors()),
                out);
        out.printf("wall_s=%.1f%n", (System.nanoTime() - t0) / 1e9);
        out.println(s.line());
        return s.violations() == 0 && s.livenessFailures() == 0 ? 0 : 1;
    }
}
