package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bftswarm.deploy.launcher.ClusterInspector;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bftswarm status}: n, f, view, primary and every node's process and progress. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show a cluster: n, f, view and primary (as most answering nodes report them), and per node whether"
                    + " its process runs (or is paused), its pid, API URL, last executed sequence number and view.",
            "Exit code 0 when every node runs, 1 otherwise.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm status", "  ./bftswarm status --json"})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), spec.commandLine().getErr(), ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        ClusterStatus status = new ClusterInspector(target.get()).inspect();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(status));
        } else {
            out.print(status.render());
        }
        out.flush();
        return status.nodes().stream().allMatch(n -> n.state().equals("running")) ? 0 : 1;
    }
}
