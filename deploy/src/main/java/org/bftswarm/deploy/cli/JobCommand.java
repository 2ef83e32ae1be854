package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.api.JobView;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.JobText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm job ID}: one job with every task's node, attempt, exit code and output. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show one job: status and, per task, node, attempt, state, exit code and output (GET /api/v1/jobs/ID).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm job job-1", "  ./bftswarm job job-1 --json"})
public final class JobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "ID", description = "Job id, as printed by submit.")
    String jobId;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        ApiClient api = new ApiClient(target.get().apiUrls(), null);
        try {
            JobView job = api.job(jobId);
            out.print(json ? api.json().writerWithDefaultPrettyPrinter().writeValueAsString(job) + "\n"
                    : JobText.result(job));
            out.flush();
            return 0;
        } catch (ApiException e) {
            err.println("bftswarm job: " + e.getMessage());
            return 1;
        }
    }
}
