package org.bftswarm.deploy.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.consensus.sim.SimOptions;
import org.bftswarm.consensus.sim.SimulationRunner;
import org.bftswarm.sim.SchedulerSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm sim}: thin wrapper over the deterministic Byzantine PBFT simulator
 * ({@link SimulationRunner} in the consensus module) or, with {@code --scheduler}, the scheduler
 * simulation ({@link SchedulerSimulation}: the same network and replicas executing the real scheduler,
 * with users and workers that report through consensus). Prints one line per seed, full parameters and
 * the replay command for any failing seed, and last {@code SIM [scheduler] seeds=N violations=V
 * liveness_failures=L}; exits 0 only when both are 0. With {@code --soak MINUTES} it runs consensus seeds
 * until the time is up instead ({@link SimulationRunner#soak}) and ends with the seeds per second.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the deterministic PBFT simulator: n replicas running the real consensus core with up to f"
                    + " Byzantine replicas (silent, equivocating, wrong digests, forged signatures, replays, lying"
                    + " checkpoints and state, view-change spam, fake replies), a network that drops, delays,"
                    + " duplicates, reorders and partitions, and crash/restart with durable storage. Safety and"
                    + " liveness checkers run outside the replicas. Exit 0 only with no violation and no liveness failure.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm sim --seeds 500",
            "  ./bftswarm sim --seeds 200 --replicas 7",
            "  ./bftswarm sim --seeds 1 --replicas 4 --byzantine 1 --seed 129     replay one seed exactly",
            "  ./bftswarm sim --soak 10 --replicas 7                              random seeds for 10 minutes",
            "  ./bftswarm sim --scheduler --seeds 20                              consensus + scheduler + workers",
            "  ./bftswarm sim --scheduler --seeds 5 --variant ACCEPT_ANY_REPORTER a broken scheduler: must fail",
        })
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "100", description = "number of seeds to run (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(
            names = "--replicas",
            defaultValue = "4",
            description = "n replicas, at least 4; f = (n-1)/3 (default ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--byzantine", description = "Byzantine replicas, 0..f (default f)")
    Integer byzantine;

    @Option(names = "--seed", description = "first seed (default 1; with --soak a fresh random one)")
    Long seed;

    @Option(
            names = "--soak",
            paramLabel = "MINUTES",
            description = "Run consecutive seeds until MINUTES of wall time are up, print each failing seed with its"
                    + " replay command and end with the seeds per second; --seeds is then unused.")
    Double soak;

    @Option(
            names = "--scheduler",
            description = "Simulate consensus and the scheduler together: users submit and cancel jobs, workers"
                    + " (some Byzantine) report through consensus; checkers assert that every replica reaches the"
                    + " same scheduler state and every job ends as its reports say.")
    boolean scheduler;

    @Option(
            names = "--variant",
            defaultValue = "CORRECT",
            description = "With --scheduler: the scheduler the replicas run, CORRECT or a deliberately broken one"
                    + " that the checkers must catch: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})",
            completionCandidates = SchedulerVariants.class)
    String variant;

    @Override
    public Integer call() {
        Optional<String> problem = SimOptions.problem(seeds, replicas, byzantine);
        if (problem.isPresent()) {
            throw new ParameterException(spec.commandLine(), problem.get());
        }
        if (!SchedulerSimulation.variants().contains(variant)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--variant must be one of " + String.join(", ", SchedulerSimulation.variants()) + ", got "
                            + variant);
        }
        if (!scheduler && !"CORRECT".equals(variant)) {
            throw new ParameterException(spec.commandLine(), "--variant needs --scheduler");
        }
        if (soak != null && scheduler) {
            throw new ParameterException(spec.commandLine(), "--soak runs the consensus simulator only");
        }
        PrintStream out =
                new PrintStream(new LineForwardingStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        long first = seed != null ? seed : soak != null ? SimulationRunner.randomBlockBase() : 1;
        int code = soak != null
                ? SimulationRunner.soak(soak, replicas, byzantine, first, out)
                : scheduler
                        ? SchedulerSimulation.run(first, seeds, replicas, byzantine, variant, out)
                        : SimulationRunner.run(seeds, replicas, byzantine, first, out);
        out.flush();
        return code;
    }

    /** The names {@code --variant} accepts, for the help text. */
    static final class SchedulerVariants implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SchedulerSimulation.variants().iterator();
        }
    }
}
