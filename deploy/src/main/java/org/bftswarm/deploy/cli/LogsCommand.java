package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bftswarm logs TASK}: a task's full log, from the node that ran it. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print a task's full log (GET /api/v1/tasks/TASK/logs on each node until one holds it).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm logs job-1.0"})
public final class LogsCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. job-1.0.")
    String task;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        try {
            ApiClient.TaskLog log = apiOptions.client(target, null).taskLog(task);
            err.printf(
                    "log of %s from node %d%s%n",
                    task, log.node(), log.attempt().map(a -> ", attempt " + a).orElse(""));
            err.flush();
            out.print(log.text());
            out.flush();
            return 0;
        } catch (ApiException e) {
            return failure(err, "logs", e);
        }
    }
}
