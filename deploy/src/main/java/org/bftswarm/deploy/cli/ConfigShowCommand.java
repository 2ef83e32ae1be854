package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.config.ClusterConfig;
import org.bftswarm.deploy.config.ConfigLoader;
import org.bftswarm.deploy.config.ConfigReport;
import org.bftswarm.deploy.config.ConfigWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
public final class ConfigShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption file;

    @Option(names = "--json", description = "Print JSON instead of YAML.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigReport report = new ConfigLoader().load(file.resolve());
        ProblemPrinter.warnings(report, err);
        if (!report.valid()) {
            ProblemPrinter.errors(report, err);
            return 1;
        }
        ClusterConfig config = report.config().orElseThrow();
        ConfigWriter writer = new ConfigWriter();
        out.print(json ? writer.toJson(config) : writer.toYaml(config));
        out.flush();
        return 0;
    }
}
