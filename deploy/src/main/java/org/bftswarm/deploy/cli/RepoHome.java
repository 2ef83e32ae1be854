package org.bftswarm.deploy.cli;

import java.nio.file.Path;

/**
 * The root of the bftswarm checkout: the {@code bftswarm.home} system property that
 * {@code ./bftswarm} sets, else the {@code BFTSWARM_HOME} environment variable, else the current
 * directory.
 */
final class RepoHome {
    private RepoHome() {}

    static Path find() {
        String property = System.getProperty("bftswarm.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("BFTSWARM_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("").toAbsolutePath();
    }
}
