package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bftswarm config validate [FILE]}: exit 0 with a summary, or 1 with every error located. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check a cluster configuration and print swarm, n, f, quorum and every node's ports.",
            "",
            "The check is strict: unknown keys, wrong types, quoted numbers (\"3\" for 3), duplicate keys,"
                    + " impossible values (n < 1, min > max, negative timers) and colliding ports are all errors."
                    + " Every error is printed as FILE:LINE:COLUMN: error: FIELD.PATH: message; exit code 1."
                    + " n < 4 is allowed with a loud warning (f = 0).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config validate",
            "  ./bftswarm config validate --all-nodes big-cluster.yaml",
        })
public final class ConfigValidateCommand extends ConfigFileCommand {
    @Option(names = "--all-nodes", description = "List every node, even in clusters of more than 12.")
    boolean allNodes;

    @Override
    int run(ConfigReport report, ClusterConfig config, PrintWriter out, PrintWriter err) {
        if (config.f() == 0) {
            err.print(ConfigSummary.noFaultToleranceBanner(config));
        }
        out.print(ConfigSummary.render(report.source(), config, allNodes));
        out.flush();
        return 0;
    }
}
