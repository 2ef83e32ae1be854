package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.List;
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
import picocli.CommandLine.Spec;

/** {@code bftswarm jobs}: every job the cluster knows, one line each. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the cluster's jobs: id, name, status and tasks done (GET /api/v1/jobs).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm jobs", "  ./bftswarm jobs --json"})
public final class JobsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

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
            List<JobView> jobs = api.jobs();
            if (json) {
                out.println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(jobs));
            } else {
                out.print(JobText.table(jobs));
            }
            out.flush();
            return 0;
        } catch (ApiException e) {
            err.println("bftswarm jobs: " + e.getMessage());
            return 1;
        }
    }
}
