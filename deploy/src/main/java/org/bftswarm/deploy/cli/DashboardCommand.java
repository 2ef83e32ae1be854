package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.bftswarm.deploy.dashboard.DashboardRenderer;
import org.bftswarm.deploy.dashboard.DashboardScreen;
import org.bftswarm.deploy.dashboard.DashboardSource;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bftswarm dashboard}: a live full-screen view of nodes, jobs and events; q quits. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "A live full-screen view of the cluster in the terminal, redrawn every second: n, f, view and primary,"
                    + " every node (process, progress, scheduler and CRDT state), the jobs newest first in pages, and"
                    + " the recent events streamed from /api/v1/events.",
            "Keys: q quits (the terminal is restored), n / p page through the jobs.",
            "With --once, or when stdout is not a terminal, one frame is printed and the command exits.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm dashboard", "  ./bftswarm dashboard --once --width 100 --height 30"})
public final class DashboardCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--once", description = "Print one frame and exit (no terminal needed).")
    boolean once;

    @Option(
            names = "--width",
            paramLabel = "COLUMNS",
            defaultValue = "120",
            description = "Width of a --once frame (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(
            names = "--height",
            paramLabel = "ROWS",
            defaultValue = "40",
            description = "Height of a --once frame (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(
            names = "--page",
            paramLabel = "N",
            defaultValue = "1",
            description = "Page of jobs in a --once frame (default: ${DEFAULT-VALUE}).")
    int page;

    @Override
    void checkOptions() {
        if (width < 40 || height < 12 || page < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--width must be at least 40, --height at least 12 and --page at least 1");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        if (!once) {
            Terminal terminal =
                    TerminalBuilder.builder().system(true).dumb(true).build();
            if (!terminal.getType().startsWith("dumb")) {
                try (terminal;
                        DashboardSource source = new DashboardSource(target, api, true)) {
                    return new DashboardScreen(terminal, source::take, Duration.ofSeconds(1)).run();
                }
            }
            terminal.close();
            err.println("not a terminal: printing one frame (as --once)");
            err.flush();
        }
        try (DashboardSource source = new DashboardSource(target, api, false)) {
            DashboardRenderer.render(source.take(), width, height, page - 1).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
