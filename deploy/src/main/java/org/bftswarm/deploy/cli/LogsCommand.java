package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm logs TASK}: a task's full log, from the node that ran it. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print a task's full log (GET /api/v1/tasks/TASK/logs on each node until one holds it).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm logs job-1.0"})
public final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. job-1.0.")
    String task;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        try {
            out.print(new ApiClient(target.get().apiUrls(), null).taskLogs(task));
            out.flush();
            return 0;
        } catch (ApiException e) {
            err.println("bftswarm logs: " + e.getMessage());
            return 1;
        }
    }
}
