package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm restart NODE}: fault injection, SIGKILL, then start again. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kill a node (SIGKILL, if it runs) and start it again with the same command; waits until its"
                + " /healthz answers and it has caught up with the sequence number the other nodes had reached.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm restart 2"})
public final class RestartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node id, 0..n-1.")
    int node;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        int n = target.get().config().n();
        if (node < 0 || node >= n) {
            throw new ParameterException(spec.commandLine(), "no node " + node + " in a cluster of " + n + " (ids 0.." + (n - 1) + ")");
        }
        return new FaultInjector(target.get(), spec.commandLine().getOut(), err).restart(node, java.time.Duration.ofSeconds(60));
    }
}
