package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ClusterInspector;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        footer = {"  ./bftswarm status", "  ./bftswarm status --json", "  ./bftswarm status --watch"})
public final class StatusCommand extends ClusterCommand {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    WatchOptions watch;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        if (watch.watch) {
            ClusterInspector inspector = new ClusterInspector(target);
            return Watch.run(watch, json, new ObjectMapper(), out, () -> {
                ClusterStatus status = inspector.inspect();
                return new Watch.Shown(status, status.render());
            });
        }
        ClusterStatus status = new ClusterInspector(target).inspect();
        printJsonOrText(out, json, new ObjectMapper(), status, status::render);
        return status.nodes().stream().allMatch(n -> n.state().equals("running")) ? 0 : 1;
    }
}
