package org.bftswarm.tests.e2e;

import org.bftswarm.tests.support.ClusterTestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bftswarm.api.ClusterView;
import org.bftswarm.deploy.cli.BftswarmCommand;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.DockerCli;
import org.bftswarm.deploy.launcher.TaskEventStream;
import picocli.CommandLine;

/**
 * A real cluster for end-to-end tests: a temporary configuration with its own swarm name and
 * non-default loopback ports, driven through the same {@code bftswarm} commands a user types (run
 * in-process through {@link BftswarmCommand}; the node processes they start are real JVMs), and an
 * {@link ApiClient} for the HTTP API.
 */
final class E2eCluster {
    static final String IMAGE = "bftswarm/busybox:latest";

    /** One command's exit code and captured output. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final Path dir;
    final Path config;
    final String swarm;
    private ClusterTarget target;

    private E2eCluster(Path dir, Path config, String swarm) {
        this.dir = dir;
        this.config = config;
        this.swarm = swarm;
    }

    /** Writes the configuration of a 4-node cluster on 127.0.0.1 with ports picked at random in a quiet range. */
    static E2eCluster create(Path dir) throws IOException {
        requireDockerAndImage();
        System.setProperty("bftswarm.home", repoRoot().toString());
        int slot = new SecureRandom().nextInt(60);
        String swarm = "e2e-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, String.join("\n",
                "swarm: " + swarm,
                "nodes:",
                "  count: 4",
                "  httpPort: " + (18400 + 10 * slot),
                "  wsPort: " + (19400 + 10 * slot),
                "  randomPortRange: {min: " + (24000 + 10 * slot) + ", max: " + (24009 + 10 * slot) + "}",
                "cleanup: true",
                "dataDir: data",
                "consensus:",
                "  requestTimeoutMs: 2000",
                "heartbeat:",
                "  periodMs: 500",
                "  suspicionTimeoutMs: 3000",
                ""));
        return new E2eCluster(dir, config, swarm);
    }

    /** Runs {@code bftswarm <args> --config <ours>} in this JVM; output is also echoed to the test log. */
    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int split = all.indexOf("--");
        all.addAll(split < 0 ? all.size() : split, List.of("--config", config.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BftswarmCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        System.out.printf("$ bftswarm %s -> %d%n%s%s%n", String.join(" ", all), code, out, err);
        return new Run(code, out.toString(), err.toString());
    }

    ClusterTarget target() {
        if (target == null) {
            target = new ClusterOptions(config, null)
                    .open(repoRoot(), new PrintWriter(System.err, true), (r, w) -> { }).orElseThrow();
        }
        return target;
    }

    ApiClient api() throws IOException {
        return new ApiClient(target().apiUrls(), ApiTokenFile.read(target().layout().tokenFile()));
    }

    /** The primary as reported by the first node that answers. */
    int primary() throws IOException {
        ApiClient api = api();
        for (int id = 0; id < 4; id++) {
            Optional<ClusterView> view = api.cluster(id);
            if (view.isPresent()) {
                return view.get().primary();
            }
        }
        throw new IllegalStateException("no node answers /api/v1/cluster");
    }

    /** The events stream of the first node that accepts the WebSocket. */
    TaskEventStream events(java.util.function.Consumer<TaskEventStream.TaskEvent> consumer) throws Exception {
        Exception last = null;
        for (String url : target().apiUrls()) {
            try {
                return TaskEventStream.open(url, consumer);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("no node accepts /api/v1/events", last);
    }

    List<String> containers() throws IOException {
        return new DockerCli().swarmContainers(swarm);
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ClusterTestSupport.await(what, timeout, Duration.ofMillis(200), condition);
    }

    static Path repoRoot() {
        return ClusterTestSupport.repoRoot();
    }

    static void requireDockerAndImage() throws IOException {
        ClusterTestSupport.requireDockerAndImage("end-to-end tests", IMAGE);
    }
}
