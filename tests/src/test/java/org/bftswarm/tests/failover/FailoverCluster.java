package org.bftswarm.tests.failover;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bftswarm.api.NodeJson;
import org.bftswarm.deploy.launcher.ClusterHealthProbe;
import org.bftswarm.deploy.launcher.DockerCli;
import org.bftswarm.deploy.launcher.FaultInjector;
import org.bftswarm.deploy.launcher.LogTail;
import org.bftswarm.deploy.launcher.PidFiles;
import org.bftswarm.deploy.launcher.ProcessProbe;
import org.bftswarm.tests.support.ClusterTestSupport;
import org.bftswarm.tests.support.RealCluster;

/**
 * The real cluster of the failover tests: HTTP ports 17100+, WebSocket 17800+, consensus/state
 * 25000+ (apart from the end-to-end tests' ranges) and the default heartbeat timers (500 ms period,
 * 2 s suspicion); plus fault injection and what each node reports of the others and of gossip.
 */
final class FailoverCluster extends RealCluster {
    private ClusterHealthProbe health;

    private FailoverCluster(Path dir) throws IOException {
        super(dir, "failover tests", "failover", new PortBases(17100, 17800, 25000), List.of());
    }

    static FailoverCluster create(Path dir) throws IOException {
        return new FailoverCluster(dir);
    }

    FaultInjector faults() {
        return new FaultInjector(target(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    private ClusterHealthProbe health() {
        if (health == null) {
            health = new ClusterHealthProbe(target().apiUrls(), Duration.ofSeconds(2));
        }
        return health;
    }

    /** Node {@code via}'s {@code /api/v1/nodes}, or empty when it does not answer. */
    Optional<List<NodeJson>> nodes(int via) {
        return health().nodes(via);
    }

    /** State of node {@code id} as node {@code via} reports it ("" when unknown). */
    String stateOf(int id, int via) {
        return nodes(via)
                .flatMap(l -> l.stream().filter(v -> v.id() == id).findFirst())
                .map(NodeJson::state)
                .orElse("");
    }

    boolean allUp(int via) {
        return health().allUp(via);
    }

    /** Every node's gossip layer sees all N members (failure detection is armed only then). */
    boolean gossipFormed() {
        return health().gossipFormed();
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
        return new DockerCli()
                .containerIds(List.of(
                        DockerCli.SWARM_LABEL + "=" + swarm,
                        "bftswarm.node=" + node,
                        DockerCli.TASK_LABEL + "=" + taskId));
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ClusterTestSupport.await(what, timeout, Duration.ofMillis(100), condition);
    }
}
