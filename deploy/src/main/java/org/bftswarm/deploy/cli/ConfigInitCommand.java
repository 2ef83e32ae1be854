package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.config.ConfigFiles;
import org.bftswarm.deploy.config.ConfigKey;
import org.bftswarm.deploy.config.ConfigTextEdit;
import org.bftswarm.node.config.ConfigParser;
import org.bftswarm.node.config.ConfigReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm config init [FILE] [--force]}: writes a commented configuration with every default. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write a commented cluster configuration: every key with its default value and what it does."
                    + " An existing file is kept (exit code 1) unless --force is given.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm config init", "  ./bftswarm config init lab.yaml --swarm lab --force"})
public final class ConfigInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "Where to write (default: ./" + ConfigFileOption.DEFAULT_NAME + ").")
    Path file;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Option(names = "--swarm", paramLabel = "NAME", description = "Cluster name to write (default: demo).")
    String swarm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = file != null ? file : Path.of(ConfigFileOption.DEFAULT_NAME);
        if (Files.exists(target) && !force) {
            err.println("bftswarm config init: " + target + " exists; --force replaces it");
            err.flush();
            return 1;
        }
        String text = ConfigFiles.template();
        if (swarm != null) {
            text = ConfigTextEdit.set(text, ConfigKey.parse("swarm"), swarm);
        }
        ConfigReport report = new ConfigParser().parse(target.toString(), text);
        if (!report.valid()) {
            ProblemPrinter.errors(report, err);
            return 1;
        }
        ConfigFiles.writeAtomically(target, text);
        out.println("wrote " + target + " (check it with ./bftswarm config validate " + target + ")");
        out.flush();
        return 0;
    }
}
