package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigReport;
import org.bftswarm.node.config.ConfigWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bftswarm config show [FILE] [--json]}: the configuration with every default written out. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print a configuration with every default filled in, as YAML (or JSON with --json).",
            "",
            "The output is itself a valid configuration file describing the same cluster.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config show",
            "  ./bftswarm config show --json other.yaml > resolved.json",
        })
public final class ConfigShowCommand extends ConfigFileCommand {
    @Option(names = "--json", description = "Print JSON instead of YAML.")
    boolean json;

    @Override
    int run(ConfigReport report, ClusterConfig config, PrintWriter out, PrintWriter err) {
        ConfigWriter writer = new ConfigWriter();
        out.print(json ? writer.toJson(config) : writer.toYaml(config));
        out.flush();
        return 0;
    }
}
