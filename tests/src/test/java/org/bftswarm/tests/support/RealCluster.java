package org.bftswarm.tests.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.deploy.cli.BftswarmCommand;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;

/**
 * A real 4-node cluster on 127.0.0.1 for the suites that start one (end-to-end, failover): a
 * temporary configuration with a swarm name of its own and loopback ports picked at random in the
 * suite's own quiet ranges, driven through the same {@code bftswarm} commands a user types (run
 * in-process through {@link BftswarmCommand}; the node processes they start are real JVMs), and an
 * {@link ApiClient} for the HTTP API. Each suite extends it with what only it needs.
 */
public class RealCluster {
    public static final String IMAGE = "bftswarm/busybox:latest";
    public static final int N = 4;

    /**
     * Where a suite's ports start: node i of slot s serves HTTP on {@code http + 10 s + i}, WebSocket
     * events on {@code ws + 10 s + i}, and picks consensus/state ports in {@code [random + 10 s, random + 10 s + 9]}.
     */
    public record PortBases(int http, int ws, int random) {}

    /**
     * A system property that moves every suite's ports into {@code [B, B + 300)}: HTTP from B, WebSocket
     * from B + 100, consensus/state from B + 200, so runs that share a machine can keep to ranges of their own.
     */
    public static final String PORT_BASE_PROPERTY = "bftswarm.test.portBase";

    public final Path config;
    public final String swarm;
    private ClusterTarget target;

    /**
     * Requires Docker and {@link #IMAGE}, then writes the configuration of a 4-node cluster into {@code dir}.
     *
     * @param suite       the suite's name, for the message when Docker is missing
     * @param swarmPrefix the swarm name's start; a random suffix keeps runs apart
     * @param extraLines  configuration lines appended after the common ones (e.g. timers)
     */
    protected RealCluster(Path dir, String suite, String swarmPrefix, PortBases bases, List<String> extraLines)
            throws IOException {
        this(dir, suite, swarmPrefix, bases, extraLines, 60);
    }

    /** The same, with the port slot drawn from {@code [0, slots)} (a suite whose ranges are narrow). */
    protected RealCluster(
            Path dir, String suite, String swarmPrefix, PortBases bases, List<String> extraLines, int slots)
            throws IOException {
        ClusterTestSupport.requireDockerAndImage(suite, IMAGE);
        System.setProperty("bftswarm.home", ClusterTestSupport.repoRoot().toString());
        int offset = 10 * new SecureRandom().nextInt(slots);
        String base = System.getProperty(PORT_BASE_PROPERTY);
        if (base != null && !base.isBlank()) {
            int b = Integer.parseInt(base.strip());
            bases = new PortBases(b, b + 100, b + 200);
            offset = 10 * new SecureRandom().nextInt(9);
        }
        this.swarm = swarmPrefix + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        this.config = dir.resolve("cluster.yaml");
        List<String> lines = new ArrayList<>(List.of(
                "swarm: " + swarm,
                "nodes:",
                "  count: " + N,
                "  httpPort: " + (bases.http() + offset),
                "  wsPort: " + (bases.ws() + offset),
                "  randomPortRange: {min: " + (bases.random() + offset) + ", max: " + (bases.random() + offset + 9)
                        + "}",
                "cleanup: true",
                "dataDir: data"));
        lines.addAll(extraLines);
        lines.add("");
        Files.writeString(config, String.join("\n", lines));
    }

    /** Runs {@code bftswarm <args> --config <ours>} in this JVM; output is also echoed to the test log. */
    public CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int split = all.indexOf("--");
        all.addAll(split < 0 ? all.size() : split, List.of("--config", config.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        System.out.printf("$ bftswarm %s -> %d%n%s%s%n", String.join(" ", all), run.exitCode(), run.out(), run.err());
        return run;
    }

    public ClusterTarget target() {
        if (target == null) {
            target = new ClusterOptions(config, null)
                    .open(ClusterTestSupport.repoRoot(), new PrintWriter(System.err, true), (r, w) -> {})
                    .orElseThrow();
        }
        return target;
    }

    public ApiClient api() throws IOException {
        return new ApiClient(
                target().apiUrls(), ApiTokenFile.read(target().layout().tokenFile()));
    }

    /** The primary as reported by the first node that answers. */
    public int primary() throws IOException {
        return api().primary().orElseThrow(() -> new IllegalStateException("no node answers /api/v1/cluster"));
    }
}
