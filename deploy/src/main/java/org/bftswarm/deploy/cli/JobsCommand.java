package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.List;
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

/** {@code bftswarm jobs}: every job the cluster knows, one line each. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the cluster's jobs: id, name, status and tasks done, as f+1 nodes signed the list"
                + " (GET /api/v1/jobs?signed on every node).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm jobs", "  ./bftswarm jobs --json", "  ./bftswarm jobs --watch --json"})
public final class JobsCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    WatchOptions watch;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        VerifiedReads reads = NodeKeys.reads(target, api);
        if (watch.watch) {
            return Watch.run(watch, json, api.json(), out, () -> {
                VerifiedReads.Verdict<List<JobJson>> verdict = reads.jobs();
                return new Watch.Shown(verdict.value(), JobText.table(verdict.value()));
            });
        }
        try {
            VerifiedReads.Verdict<List<JobJson>> verdict = reads.jobs();
            JobText.reportDisagreements(err, verdict);
            List<JobJson> jobs = verdict.value();
            printJsonOrText(out, json, api.json(), jobs, () -> JobText.table(jobs));
            return 0;
        } catch (ApiException e) {
            return failure(err, "jobs", e);
        }
    }
}
