package org.bftswarm.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The optional {@code FILE} parameter shared by the config commands. Without it, the command uses
 * {@code cluster-config.yaml} in the current directory if there is one, else the one at the root of
 * the bftswarm checkout (so {@code ./bftswarm config validate} works from any directory).
 */
public final class ConfigFileOption {
    public static final String DEFAULT_NAME = "cluster-config.yaml";

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "Cluster configuration (YAML or JSON). Default: ./" + DEFAULT_NAME
                    + ", else the one at the root of the bftswarm checkout.")
    Path file;

    public Path resolve() {
        return resolve(file);
    }

    /** {@code given} when not null, else the default file as described above. */
    public static Path resolve(Path given) {
        if (given != null) {
            return given;
        }
        Path local = Path.of(DEFAULT_NAME);
        if (Files.exists(local)) {
            return local;
        }
        Path home = RepoHome.find();
        Path fromHome = home.resolve(DEFAULT_NAME);
        return Files.exists(fromHome) ? fromHome : local;
    }
}
