package org.bftswarm.deploy.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.bftswarm.consensus.sim.SimOptions;
import org.bftswarm.consensus.sim.SimulationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm sim}: thin wrapper over the deterministic Byzantine PBFT simulator
 * ({@link SimulationRunner} in the consensus module). Prints one line per seed, full parameters
 * and the replay command for any failing seed, and last {@code SIM seeds=N violations=V
 * liveness_failures=L}; exits 0 only when both are 0.
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

    @Option(names = "--seed", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        java.util.Optional<String> problem = SimOptions.problem(seeds, replicas, byzantine);
        if (problem.isPresent()) {
            throw new ParameterException(spec.commandLine(), problem.get());
        }
        PrintStream out =
                new PrintStream(new LineForwardingStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        int code = SimulationRunner.run(seeds, replicas, byzantine, seed, out);
        out.flush();
        return code;
    }
}
