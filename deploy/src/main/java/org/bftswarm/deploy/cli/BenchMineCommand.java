package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.MineBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bftswarm bench mine}: the picocli shell over {@link MineBench}. */
@Command(
        name = "mine",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "On a running cluster (./bftswarm up), mine a header whose target is never met for SECONDS (after a 5 s"
                    + " warm-up) and report the cluster hash rate (nonces of finished units per second); then, in the"
                    + " same run, one process hashing the same header on every core of this machine with the default"
                    + " JIT, on as many threads as the nodes, and with C1 only; then SOLVES medium jobs and, per node,"
                    + " the median"
                    + " time from the batch that accepted the solution to that node showing the job ended.",
            "",
            "The last line is BENCH mine cluster_hps=X reference_hps=Y ratio=X/Y reference_T_threads_hps=W"
                    + " ratio_same_threads=X/W reference_c1_hps=Z c2_over_c1=Y/Z end_ms_node0=.. end_ms_node<n-1>=.."
                    + " load=L (T: the nodes' configured CPUs summed, the threads they hash on).",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm up && ./bftswarm bench mine --seconds 20"})
public final class BenchMineCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--solves", defaultValue = "5", description = "Medium jobs timed (default: ${DEFAULT-VALUE}).")
    int solves;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description =
                    "Rounds of cluster and references, alternating; medians are printed (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    void checkOptions() {
        if (seconds < 1 || solves < 0 || rounds < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--seconds and --rounds must be at least 1, --solves at least 0");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        try {
            MineBench.Result r = new MineBench(
                            apiOptions.client(
                                    target, ApiTokenFile.read(target.layout().tokenFile())),
                            target.config().n(),
                            target.config().nodes().stream()
                                    .mapToInt(n -> n.capacity().cpus())
                                    .sum(),
                            out)
                    .run(seconds, solves, rounds);
            out.println(r.line());
            out.flush();
            return 0;
        } catch (ApiException e) {
            return failure(err, "bench mine", e);
        }
    }
}
