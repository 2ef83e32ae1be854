package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.LogFollower;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.deploy.launcher.VerifiedLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code bftswarm logs TASK}: a task's full log, from the node that ran it. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print a task's full log: fetched from the nodes that hold it (GET /api/v1/tasks/TASK/logs) and"
                + " shown only if it matches the output digest f+1 nodes signed for the task's result.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm logs job-1.0", "  ./bftswarm logs job-1.0 --follow"})
public final class LogsCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. job-1.0.")
    String task;

    @Option(
            names = {"-f", "--follow"},
            description = "Stream the log while the task runs (from the node running it, polled every second), then"
                    + " check the whole log against the accepted output digest once it has ended.")
    boolean follow;

    @Option(
            names = "--json",
            description = "Print JSON: {\"taskId\", \"node\" (that served the log), \"log\"} (not with --follow).")
    boolean json;

    @Override
    void checkOptions() {
        if (json && follow) {
            throw new ParameterException(spec.commandLine(), "--json and --follow do not go together");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        try {
            if (follow) {
                new LogFollower(
                                api,
                                NodeKeys.reads(target, api),
                                apiOptions.clientKey(target),
                                target.config().swarm(),
                                Duration.ofSeconds(1))
                        .follow(task, out, err);
                return 0;
            }
            VerifiedLogs.Found found = VerifiedLogs.find(
                    api,
                    NodeKeys.reads(target, api),
                    task,
                    apiOptions.clientKey(target),
                    target.config().swarm());
            found.mismatched()
                    .forEach(node -> err.printf(
                            "node %d served a log of %s that does not match its accepted output digest; not shown%n",
                            node, task));
            err.printf("log of %s from node %d, matching the accepted output digest%n", task, found.node());
            err.flush();
            String log = new String(found.bytes(), StandardCharsets.UTF_8);
            if (json) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("taskId", task);
                answer.put("node", found.node());
                answer.put("log", log);
                out.println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            } else {
                out.print(log);
            }
            out.flush();
            return 0;
        } catch (ApiException | IOException e) {
            return failure(err, "logs", e);
        }
    }
}
