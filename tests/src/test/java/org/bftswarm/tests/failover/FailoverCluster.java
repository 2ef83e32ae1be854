package org.bftswarm.tests.failover;

import org.bftswarm.tests.support.ClusterTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bftswarm.api.ClusterView;
import org.bftswarm.api.NodeView;
import org.bftswarm.deploy.cli.BftswarmCommand;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.DockerCli;
import org.bftswarm.deploy.launcher.FaultInjector;
import org.bftswarm.deploy.launcher.LogTail;
import org.bftswarm.deploy.launcher.PidFiles;
import org.bftswarm.deploy.launcher.ProcessProbe;
import picocli.CommandLine;

/**
 * A real 4-node cluster for the failover tests: a temporary configuration with its own swarm name
 * and loopback ports of its own (HTTP 17100+, WebSocket 17800+, consensus/state 25000+: apart from
 * the end-to-end tests' ranges), default heartbeat timers (500 ms period, 2 s suspicion), driven by
 * the {@code bftswarm} commands run in-process; the node processes are real JVMs running real
 * Docker containers.
 */
final class FailoverCluster {
    static final String IMAGE = "bftswarm/busybox:latest";
    static final int N = 4;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final Path config;
    final String swarm;
    private final ObjectMapper json = ApiClient.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ClusterTarget target;

    private FailoverCluster(Path config, String swarm) {
        this.config = config;
        this.swarm = swarm;
    }

    static FailoverCluster create(Path dir) throws IOException {
        requireDockerAndImage();
        System.setProperty("bftswarm.home", repoRoot().toString());
        int slot = new SecureRandom().nextInt(60);
        String swarm = "failover-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, String.join("\n",
                "swarm: " + swarm,
                "nodes:",
                "  count: " + N,
                "  httpPort: " + (17100 + 10 * slot),
                "  wsPort: " + (17800 + 10 * slot),
                "  randomPortRange: {min: " + (25000 + 10 * slot) + ", max: " + (25009 + 10 * slot) + "}",
                "cleanup: true",
                "dataDir: data",
                ""));
        return new FailoverCluster(config, swarm);
    }

    /** Runs {@code bftswarm <args> --config <ours>} in this JVM and echoes it to the test log. */
    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
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

    FaultInjector faults() {
        return new FaultInjector(target(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Node {@code via}'s {@code /api/v1/nodes}, or empty when it does not answer. */
    Optional<List<NodeView>> nodes(int via) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target().apiUrl(via) + "/api/v1/nodes"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(List.of(json.readValue(r.body(), NodeView[].class)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** State of node {@code id} as node {@code via} reports it ("" when unknown). */
    String stateOf(int id, int via) {
        return nodes(via).flatMap(l -> l.stream().filter(v -> v.id() == id).findFirst()).map(NodeView::state).orElse("");
    }

    boolean allUp(int via) {
        return nodes(via).map(l -> l.size() == N && l.stream().allMatch(v -> "UP".equals(v.state()))).orElse(false);
    }

    /** Node {@code id}'s gauge of visible Hazelcast members, -1 when it does not answer. */
    int stateMembers(int id) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target().apiUrl(id) + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("bftswarm_state_members ")) {
                    return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Every node's gossip layer sees all N members (failure detection is armed only then). */
    boolean gossipFormed() {
        for (int id = 0; id < N; id++) {
            if (stateMembers(id) != N) {
                return false;
            }
        }
        return true;
    }

    int primary() throws IOException {
        ApiClient api = api();
        for (int id = 0; id < N; id++) {
            Optional<ClusterView> view = api.cluster(id);
            if (view.isPresent()) {
                return view.get().primary();
            }
        }
        throw new IllegalStateException("no node answers /api/v1/cluster");
    }

    /** Fails at once, with the end of its log, when node {@code id}'s process is gone. */
    void requireRunning(int id) {
        // alive at all (right after spawn the pid may still be `setsid`, before it execs into the JVM)
        var pid = new PidFiles(target().layout()).read(id);
        if (pid.isEmpty() || !ProcessProbe.isAlive(pid.getAsLong())) {
            throw new AssertionError("node " + id + " exited; last lines of its log:\n  | "
                    + String.join("\n  | ", LogTail.lastLines(target().layout().logFile(id), 30)));
        }
    }

    /** Containers (any state) of task {@code taskId} that node {@code node} started. */
    List<String> containersOf(int node, String taskId) throws IOException {
        return new DockerCli().containerIds(List.of(DockerCli.SWARM_LABEL + "=" + swarm, "bftswarm.node=" + node,
                DockerCli.TASK_LABEL + "=" + taskId));
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ClusterTestSupport.await(what, timeout, Duration.ofMillis(100), condition);
    }

    static Path repoRoot() {
        return ClusterTestSupport.repoRoot();
    }

    static void requireDockerAndImage() throws IOException {
        ClusterTestSupport.requireDockerAndImage("failover tests", IMAGE);
    }
}
