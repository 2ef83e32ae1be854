package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigLoader;
import org.bftswarm.node.config.ConfigReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the config commands that read one configuration file ({@link ConfigFileOption}): loads it,
 * prints its warnings, and on errors prints them all and exits 1; otherwise hands the valid
 * configuration to the command.
 */
abstract class ConfigFileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption file;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigReport report = new ConfigLoader().load(file.resolve());
        ProblemPrinter.warnings(report, err);
        if (!report.valid()) {
            ProblemPrinter.errors(report, err);
            return 1;
        }
        return run(report, report.config().orElseThrow(), out, err);
    }

    /** The command's work on a valid configuration; returns the exit code. */
    abstract int run(ConfigReport report, ClusterConfig config, PrintWriter out, PrintWriter err);
}
