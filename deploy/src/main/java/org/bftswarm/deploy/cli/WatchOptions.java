package org.bftswarm.deploy.cli;

import picocli.CommandLine.Option;

/** The {@code --watch} options shared by the reading commands ({@code status}, {@code jobs}, {@code job}). */
public final class WatchOptions {
    @Option(
            names = {"-w", "--watch"},
            description = "Redraw every second (clearing the screen) until Ctrl-C; with --json, print one JSON"
                    + " document per line instead.")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "1",
            description = "With --watch: seconds between redraws (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--frames", hidden = true, description = "With --watch: stop after this many redraws.")
    Integer frames;

    public WatchOptions() {}
}
