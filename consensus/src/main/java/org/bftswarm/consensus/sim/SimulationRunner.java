package org.bftswarm.consensus.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.bftswarm.consensus.core.CoreMutant;
import org.bftswarm.consensus.core.Quorums;

/**
 * Runs many seeds of the deterministic Byzantine simulator and prints one line per seed, full
 * parameters plus the exact replay command for any failing seed, and the summary line
 * {@code SIM seeds=N violations=V liveness_failures=L} last. {@link #main} is the entry point of
 * {@code ./bftswarm sim}.
 */
public final class SimulationRunner {
    /** Totals over a run of seeds. */
    public record Summary(
            int seeds,
            int violations,
            int livenessFailures,
            EnumSet<Behaviour> exercised,
            long viewChanges,
            long stateTransfers,
            long rejected) {
        public String line() {
            return "SIM seeds=" + seeds + " violations=" + violations + " liveness_failures=" + livenessFailures;
        }
    }

    /**
     * System property with the base seed of CI's random block of seeds: set it ({@code -Dbftswarm.sim.seed=S}) to
     * replay the block a run printed; unset, every run draws a fresh one.
     */
    public static final String SEED_PROPERTY = "bftswarm.sim.seed";

    private SimulationRunner() {}

    /** The base seed of a random block: {@link #SEED_PROPERTY} when set, else a fresh positive seed. */
    public static long randomBlockBase() {
        Long given = Long.getLong(SEED_PROPERTY);
        return given != null ? given : ThreadLocalRandom.current().nextLong(1L << 32, 1L << 62);
    }

    /** Runs one seed with the real protocol. */
    public static SimResult runSeed(long seed, int n, int byzantine) {
        return runSeed(Scenario.derive(seed, n, byzantine), Quorums::new);
    }

    /** Runs one scenario with a given quorum rule (tests pass a deliberately broken one). */
    public static SimResult runSeed(Scenario scenario, IntFunction<Quorums> quorums) {
        return new Simulation(scenario, quorums).run();
    }

    /** Runs one scenario of the hash-chain workload with every correct replica running a mutant core. */
    public static SimResult runSeed(Scenario scenario, CoreMutant mutant) {
        return new Simulation(
                        scenario,
                        Quorums::new,
                        new ChainWorkload(scenario.clients(), scenario.requestsAfterHeal()),
                        mutant)
                .run();
    }

    /**
     * Runs one scenario with another workload (e.g. the replicated scheduler with a fake executor):
     * the scenario's faults, network and Byzantine replicas, the workload's state machine and clients.
     * The scenario's {@code clients} and {@code requestsAfterHeal} are then unused.
     */
    public static SimResult runSeed(Scenario scenario, IntFunction<Quorums> quorums, SimWorkload workload) {
        return new Simulation(scenario, quorums, workload).run();
    }

    /**
     * Runs seeds [firstSeed, firstSeed + seeds) on {@code threads} worker threads (each seed is an
     * independent single-threaded simulation, so results do not depend on the thread count) and
     * prints per-seed lines in seed order.
     */
    public static Summary runSeeds(
            long firstSeed,
            int seeds,
            int n,
            int byzantine,
            IntFunction<Quorums> quorums,
            int threads,
            PrintStream out) {
        List<SimResult> results = new ArrayList<>();
        forEachSeed(firstSeed, seeds, threads, seed -> runSeed(Scenario.derive(seed, n, byzantine), quorums), r -> {
            results.add(r);
            if (out != null) {
                print(r, out);
            }
        });
        int violations = 0;
        int liveness = 0;
        long vcs = 0;
        long transfers = 0;
        long rejected = 0;
        EnumSet<Behaviour> exercised = EnumSet.noneOf(Behaviour.class);
        for (SimResult r : results) {
            exercised.addAll(r.exercised());
            vcs += r.viewChanges();
            transfers += r.stateTransfers();
            rejected += r.rejectedMessages();
            violations += r.safe() ? 0 : 1;
            liveness += r.live() ? 0 : 1;
        }
        return new Summary(seeds, violations, liveness, exercised, vcs, transfers, rejected);
    }

    /**
     * Runs {@code runOne} for seeds [firstSeed, firstSeed + seeds) on {@code threads} daemon threads
     * and hands each result to {@code inSeedOrder} in seed order, as soon as it and every earlier
     * seed are done. The seeds must be independent, so what is handed over does not depend on the
     * thread count. A seed that throws stops the run with an {@link IllegalStateException}.
     */
    public static <T> void forEachSeed(
            long firstSeed, int seeds, int threads, LongFunction<T> runOne, Consumer<T> inSeedOrder) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sim-seed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> runOne.apply(s)));
            }
            for (Future<T> f : futures) {
                inSeedOrder.accept(await(f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation crashed: " + e.getCause(), e.getCause());
        }
    }

    private static void print(SimResult r, PrintStream out) {
        Scenario sc = r.scenario();
        out.println("seed=" + sc.seed() + " n=" + sc.n() + " byz=" + sc.byzantineReplicas() + " executed="
                + r.executedSeqs() + " checkpoints=" + r.checkpoints() + " views=" + r.viewChanges() + " transfers="
                + r.stateTransfers() + " rejected=" + r.rejectedMessages() + " virtual_ms=" + r.virtualMillis()
                + (r.safe() && r.live() ? " ok" : " FAILED"));
        if (!r.safe() || !r.live()) {
            out.println("  parameters: " + sc.describe());
            r.violations().forEach(v -> out.println("  violation: " + v));
            if (!r.live()) {
                out.println("  liveness: " + r.livenessFailure());
            }
            out.println("  replay: " + sc.replayCommand());
        }
    }

    /** {@code --seeds N [--replicas 4|7|10] [--byzantine K] [--seed S]}; exit 0 only if all seeds pass. */
    public static int run(int seeds, int replicas, Integer byzantine, long firstSeed, PrintStream out) {
        Optional<String> problem = SimOptions.problem(seeds, replicas, byzantine);
        if (problem.isPresent()) {
            out.println(problem.get());
            return 2;
        }
        int byz = byzantine == null ? Quorums.faultsTolerated(replicas) : byzantine;
        out.println("SIM start first_seed=" + firstSeed + " seeds=" + seeds + " replicas=" + replicas + " byzantine="
                + byz + " liveness_bound_ms_after_heal="
                + Scenario.derive(firstSeed, replicas, byz).livenessBoundMs());
        Summary s = runSeeds(
                firstSeed,
                seeds,
                replicas,
                byz,
                Quorums::new,
                Math.min(2, Runtime.getRuntime().availableProcessors()),
                out);
        out.println("behaviours exercised: " + s.exercised() + " view_changes=" + s.viewChanges() + " state_transfers="
                + s.stateTransfers() + " rejected_messages=" + s.rejected());
        out.println(s.line());
        return s.violations() == 0 && s.livenessFailures() == 0 ? 0 : 1;
    }

    /**
     * Runs consecutive seeds from {@code firstSeed} on 2 threads until {@code minutes} of wall time are up
     * (the last block of seeds finishes), printing every failing seed with its replay command, a progress
     * line about every 30 s and last {@code SOAK seeds=N failures=F seconds=T seeds_per_s=R}; exits 0 only
     * if every seed passed, 2 on unrunnable options.
     */
    public static int soak(double minutes, int replicas, Integer byzantine, long firstSeed, PrintStream out) {
        Optional<String> problem = SimOptions.problem(1, replicas, byzantine);
        if (problem.isPresent() || !(minutes > 0)) {
            out.println(problem.orElse("--soak needs a positive number of minutes"));
            return 2;
        }
        int byz = byzantine == null ? Quorums.faultsTolerated(replicas) : byzantine;
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        out.println("SOAK start first_seed=" + firstSeed + " replicas=" + replicas + " byzantine=" + byz + " minutes="
                + minutes);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextReport = start + 30_000_000_000L;
        long seed = firstSeed;
        long done = 0;
        int[] failures = {0};
        while (System.nanoTime() < end) {
            int block = 8 * threads;
            forEachSeed(seed, block, threads, s -> runSeed(s, replicas, byz), r -> {
                if (!r.safe() || !r.live()) {
                    failures[0]++;
                    print(r, out);
                }
            });
            seed += block;
            done += block;
            if (System.nanoTime() >= nextReport) {
                nextReport += 30_000_000_000L;
                out.println("SOAK progress seeds=" + done + " next_seed=" + seed + " failures=" + failures[0]
                        + String.format(" seeds_per_s=%.1f", done / ((System.nanoTime() - start) / 1e9)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("SOAK seeds=" + done + " failures=" + failures[0] + String.format(" seconds=%.1f", seconds)
                + String.format(" seeds_per_s=%.1f", done / seconds) + " last_seed=" + (seed - 1));
        return failures[0] == 0 ? 0 : 1;
    }

    /**
     * {@code ./bftswarm sim}'s flags ({@link SimOptions}) plus {@code --soak MINUTES}; exits 2 on a bad argument,
     * else with {@link #run}'s (or {@link #soak}'s) code.
     */
    public static void main(String[] args) {
        SimOptions options;
        double soakMinutes;
        try {
            options = SimOptions.parse(args, Set.of("--soak"));
            soakMinutes = Double.parseDouble(options.extra("--soak", "0"));
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.extra().containsKey("--soak")) {
            System.exit(soak(soakMinutes, options.replicas(), options.byzantine(), options.firstSeed(), System.out));
        }
        System.exit(run(options.seeds(), options.replicas(), options.byzantine(), options.firstSeed(), System.out));
    }
}
