package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigLoader;
import org.bftswarm.node.config.ConfigProblem;
import org.bftswarm.node.config.ConfigReport;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} and {@code --data DIR} options every cluster subcommand takes, so that
 * several clusters can run side by side on one machine. Without {@code --config}: ./cluster-config.yaml,
 * else the one at the root of the bftswarm checkout. Without {@code --data}: the configuration's
 * {@code dataDir}, relative to the configuration file's directory.
 */
public final class ClusterOptions {
    public static final String DEFAULT_CONFIG = "cluster-config.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Cluster configuration (default: ./" + DEFAULT_CONFIG + ", else the checkout's).")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the cluster (default: the configuration's dataDir).")
    Path data;

    public ClusterOptions() {}

    /** Options as if given on the command line (for tests and other commands). */
    public ClusterOptions(Path config, Path data) {
        this.config = config;
        this.data = data;
    }

    /** The configuration file this command reads. */
    public Path configFile(Path repoHome) {
        if (config != null) {
            return config;
        }
        Path local = Path.of(DEFAULT_CONFIG);
        if (Files.exists(local)) {
            return local;
        }
        Path fromHome = repoHome.resolve(DEFAULT_CONFIG);
        return Files.exists(fromHome) ? fromHome : local;
    }

    /**
     * Loads and validates the configuration. Warnings go to {@code err}; when the configuration is
     * invalid, {@code errorPrinter} prints the report and the result is empty (exit code 1).
     */
    public Optional<ClusterTarget> open(
            Path repoHome, PrintWriter err, BiConsumer<ConfigReport, PrintWriter> errorPrinter) {
        Path file = configFile(repoHome).toAbsolutePath().normalize();
        ConfigReport report = new ConfigLoader().load(file);
        for (ConfigProblem warning : report.warnings()) {
            err.println(warning.format());
        }
        if (!report.valid()) {
            errorPrinter.accept(report, err);
            err.flush();
            return Optional.empty();
        }
        ClusterConfig cfg = report.config().orElseThrow();
        Path dataDir = data != null
                ? data.toAbsolutePath().normalize()
                : cfg.dataDirectory(file.getParent()).toAbsolutePath().normalize();
        return Optional.of(new ClusterTarget(cfg, file, new ClusterLayout(dataDir), repoHome.toAbsolutePath()));
    }
}
