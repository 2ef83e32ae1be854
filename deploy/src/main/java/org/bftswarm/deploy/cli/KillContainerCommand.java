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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm kill-container TASK}: fault injection, docker kill of a task's container. */
@Command(
        name = "kill-container",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kill the running container of a task (docker kill: the task fails with exit code 137 and"
                + " is retried if its job allows retries). Exit code 1 when no container of the task runs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm kill-container job-3.0"})
public final class KillContainerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. job-3.0 (see `./bftswarm job ID`).")
    String task;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        return new FaultInjector(target.get(), spec.commandLine().getOut(), err).killContainer(task);
    }
}
