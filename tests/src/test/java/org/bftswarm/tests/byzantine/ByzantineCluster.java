package org.bftswarm.tests.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.tests.support.RealCluster;

/**
 * The real cluster of the Byzantine-node suites: by default HTTP ports 18600+, WebSocket 19600+,
 * consensus/state 26000+ (apart from the other suites' ranges), Byzantine behaviours allowed by the
 * configuration, a 2 s
 * consensus request timeout and fast heartbeat timers.
 */
final class ByzantineCluster extends RealCluster {
    ByzantineCluster(Path dir) throws IOException {
        this(dir, new PortBases(18600, 19600, 26000), List.of());
    }

    /** The same cluster in its own port ranges, with {@code extraLines} (e.g. a {@code clients:} section) appended. */
    ByzantineCluster(Path dir, PortBases ports, List<String> extraLines) throws IOException {
        super(dir, "Byzantine-node tests", "byz", ports, lines(extraLines));
    }

    /** Stops the cluster if it runs and starts it again with the Byzantine behaviours {@code byzantine}. */
    void restartWith(String byzantine) {
        cli("down");
        CliRun up = cli("up", "--skip-docker-check", "--timeout", "150", "--byzantine", byzantine);
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
    }

    /** Stops the cluster if it runs, appends {@code lines} to its configuration and starts it again, all honest. */
    void restartWithConfig(List<String> lines) throws IOException {
        cli("down");
        Files.writeString(config, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
        CliRun up = cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
    }

    private static List<String> lines(List<String> extra) {
        List<String> all = new ArrayList<>(List.of(
                "consensus:",
                "  requestTimeoutMs: 2000",
                "heartbeat:",
                "  periodMs: 500",
                "  suspicionTimeoutMs: 3000",
                "testing:",
                "  allowByzantine: true"));
        all.addAll(extra);
        return all;
    }
}
