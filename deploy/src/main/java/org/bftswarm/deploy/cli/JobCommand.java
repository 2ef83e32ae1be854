package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.JobText;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.deploy.launcher.VerifiedReads;
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
                "Show one job: status and, per task, node, attempt, state, exit code and output. Every node is asked"
                        + " for its signed answer (GET /api/v1/jobs/ID?signed) and only what f+1 of them signed is shown;"
                        + " a node that said otherwise is named. Exits 1 when no f+1 nodes agree.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm job job-1",
            "  ./bftswarm job job-1 --json",
            "  ./bftswarm job job-1 --trust-node 2",
            "  ./bftswarm job job-1 --watch"
        })
public final class JobCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "ID", description = "Job id, as printed by submit.")
    String jobId;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(
            names = "--trust-node",
            paramLabel = "NODE",
            description = "Read node NODE alone and believe it (by default every node is asked and only an answer"
                    + " f+1 nodes signed is shown).")
    Integer trustNode;

    @Mixin
    WatchOptions watch;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        if (trustNode != null) {
            TrustedNode.check(spec, target, trustNode);
        }
        if (watch.watch) {
            VerifiedReads reads = NodeKeys.reads(target, api);
            return Watch.run(watch, json, api.json(), out, () -> {
                JobJson job = trustNode != null
                        ? api.jobFrom(trustNode, jobId)
                        : reads.job(jobId).value();
                return new Watch.Shown(job, JobText.result(job));
            });
        }
        try {
            JobJson job;
            if (trustNode != null) {
                TrustedNode.check(spec, target, trustNode);
                err.printf("trusting node %d alone: its answer is not checked against the others%n", trustNode);
                job = api.jobFrom(trustNode, jobId);
            } else {
                VerifiedReads.Verdict<JobJson> verdict =
                        NodeKeys.reads(target, api).job(jobId);
                JobText.reportDisagreements(err, verdict);
                job = verdict.value();
            }
            JobJson shown = job;
            printJsonOrText(out, json, api.json(), shown, () -> JobText.result(shown));
            return 0;
        } catch (ApiException e) {
            return failure(err, "job", e);
        }
    }
}
