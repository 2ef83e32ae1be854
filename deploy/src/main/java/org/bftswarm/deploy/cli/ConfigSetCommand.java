package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

/**
 * {@code bftswarm config set KEY VALUE}: edits one value of the configuration file in place (its
 * line only, comments and layout kept), validates the edited text with the same strict parser the
 * nodes use, and only then writes it, atomically. An unknown key or a value the parser rejects is
 * reported with the file and key (and the parser's line and column) and the file is left untouched.
 */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Set one key of a cluster configuration, e.g. consensus.batchMaxSize 128 or labels.zone lab. Only the"
                    + " key's line changes (a missing key is added to its section); comments and layout are kept.",
            "The edited file is validated as `config validate` would before it is written (atomically); an unknown key"
                    + " or a wrong type is reported with file, line and column, exit code 1, and the file is untouched.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config set nodes.count 7",
            "  ./bftswarm config set verification.default quorum --config other.yaml",
            "  ./bftswarm config set labels.zone lab",
        })
public final class ConfigSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Dotted key, e.g. consensus.requestTimeoutMs.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The new value.")
    String value;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Configuration to edit (default: ./" + ConfigFileOption.DEFAULT_NAME + ", else the checkout's).")
    Path config;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = ConfigFileOption.resolve(config);
        ConfigKey parsed;
        try {
            parsed = ConfigKey.parse(key);
        } catch (IllegalArgumentException e) {
            return refuse(err, file, e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            return refuse(err, file, "no such file (make one with ./bftswarm config init)");
        }
        if (file.getFileName().toString().endsWith(".json")) {
            return refuse(err, file, "config set edits YAML files; edit a JSON configuration by hand");
        }
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = ConfigTextEdit.set(before, parsed, value);
        ConfigReport report = new ConfigParser().parse(file.toString(), after);
        if (!report.valid()) {
            ProblemPrinter.errors(report, err);
            return refuse(err, file, parsed.dotted() + " " + value + " was refused; the file is unchanged");
        }
        if (after.equals(before)) {
            out.printf("%s: %s is already %s%n", file, parsed.dotted(), value);
        } else {
            ConfigFiles.writeAtomically(file, after);
            out.printf("%s: %s = %s%n", file, parsed.dotted(), value);
        }
        ProblemPrinter.warnings(report, err);
        out.flush();
        err.flush();
        return 0;
    }

    private static int refuse(PrintWriter err, Path file, String message) {
        err.println("bftswarm config set: " + file + ": " + message);
        err.flush();
        return 1;
    }
}
