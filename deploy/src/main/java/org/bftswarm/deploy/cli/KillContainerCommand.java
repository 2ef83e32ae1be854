package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bftswarm kill-container TASK}: fault injection, docker kill of a task's container. */
@Command(
        name = "kill-container",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kill the running container of a task (docker kill: the task fails with exit code 137 and"
                + " is retried if its job allows retries). Exit code 1 when no container of the task runs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm kill-container job-3.0"})
public final class KillContainerCommand extends ClusterCommand {
    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. job-3.0 (see `./bftswarm job ID`).")
    String task;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        return new FaultInjector(target, out, err).killContainer(task);
    }
}
