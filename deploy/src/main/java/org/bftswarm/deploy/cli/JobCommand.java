package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.JobText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bftswarm job ID}: one job with every task's node, attempt, exit code and output. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Show one job: status and, per task, node, attempt, state, exit code and output (GET /api/v1/jobs/ID).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm job job-1", "  ./bftswarm job job-1 --json"})
public final class JobCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "ID", description = "Job id, as printed by submit.")
    String jobId;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        try {
            JobJson job = api.job(jobId);
            printJsonOrText(out, json, api.json(), job, () -> JobText.result(job));
            return 0;
        } catch (ApiException e) {
            return failure(err, "job", e);
        }
    }
}
