package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.DownProcedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bftswarm down}: stop every node; remove the swarm's containers when cleanup is on. */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Stop a cluster: SIGTERM to every node, SIGKILL to those still running after the grace period; with"
                    + " `cleanup: true` in the configuration, remove every container labelled with the swarm."
                    + " --purge also deletes the data directory (keys, token, state, logs).",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm down", "  ./bftswarm down --purge"})
public final class DownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--purge", description = "Also delete the data directory.")
    boolean purge;

    @Option(
            names = "--grace",
            paramLabel = "SECONDS",
            defaultValue = "20",
            description = "Seconds to wait after SIGTERM before SIGKILL (default: ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        try {
            return new DownProcedure(target.get(), spec.commandLine().getOut(), err).run(graceSeconds * 1000L, purge);
        } catch (IOException e) {
            err.println("bftswarm down: " + e.getMessage());
            return 1;
        }
    }
}
