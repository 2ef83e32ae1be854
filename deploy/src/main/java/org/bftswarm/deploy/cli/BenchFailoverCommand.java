package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.FailoverBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bftswarm bench failover}: the picocli shell over {@link FailoverBench}, which holds the
 * trials (kill a node holding long tasks, time until they all run elsewhere, restart it). Exit 0
 * when every trial measured a failover.
 */
@Command(
        name = "failover",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "On a running cluster (./bftswarm up), repeat TRIALS times: submit long tasks (IMAGE running `sleep`),"
                    + " wait until they run, kill -9 a node (not the primary) that holds some, measure the time until"
                    + " every one of its tasks runs on another node, cancel the job, restart the node and wait until"
                    + " it is UP again.",
            "",
            "The last line is BENCH failover p50_ms=X p99_ms=Y trials=N.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm up && ./bftswarm bench failover --trials 10"})
public final class BenchFailoverCommand extends ClusterCommand {
    @Option(names = "--trials", defaultValue = "10", description = "Kill/restart rounds (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--tasks-per-node",
            defaultValue = "2",
            description = "Long tasks per node in each trial's job (default: ${DEFAULT-VALUE}).")
    int tasksPerNode;

    @Option(names = "--image", defaultValue = "bftswarm/busybox", description = "Image (default: ${DEFAULT-VALUE}).")
    String image;

    @Override
    void checkOptions() {
        if (trials < 1 || tasksPerNode < 1) {
            throw new ParameterException(spec.commandLine(), "--trials and --tasks-per-node must be at least 1");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        if (!Files.exists(target.layout().tokenFile())) {
            err.println("bftswarm bench failover: no API token in "
                    + target.layout().tokenFile() + "; is the cluster up?");
            return 1;
        }
        FailoverBench.Result result =
                new FailoverBench(target, out, err).run(new FailoverBench.Options(trials, tasksPerNode, image));
        out.println(result.line());
        out.flush();
        return result.complete() ? 0 : 1;
    }
}
