package org.bftswarm.node;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.node.config.CapacitySettings;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.worker.agent.DockerTaskExecutor;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * How to run one node: the resolved cluster configuration, which node this is, the cluster data
 * directory {@code D}, whether the Hazelcast gossip layer (and with it failure detection) runs,
 * what executes tasks, how often the node orders a {@code Tick} so retries and timeouts fire on
 * an idle cluster (orchestrator README), and which {@link NodeFault}s it shows (none in production;
 * any only under {@code testing.allowByzantine: true}, see {@link FaultPermission}).
 */
public record NodeSettings(
        ClusterConfig config,
        int nodeId,
        Path dataDir,
        boolean gossip,
        TaskExecutor.Factory executors,
        long tickMillis,
        Set<NodeFault> faults) {
    public static final long DEFAULT_TICK_MILLIS = 1_000;

    public NodeSettings {
        Invariants.check(config != null && dataDir != null && executors != null, "config, data dir, executor required");
        Invariants.check(nodeId >= 0 && nodeId < config.n(), "node id %s outside 0..%s", nodeId, config.n() - 1);
        Invariants.check(tickMillis >= 10, "tick period %s ms too small", tickMillis);
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        Optional<String> refused = FaultPermission.refusal(config, faults);
        Invariants.check(refused.isEmpty(), "%s", refused.orElse(""));
    }

    /** Settings without faults. */
    public NodeSettings(
            ClusterConfig config,
            int nodeId,
            Path dataDir,
            boolean gossip,
            TaskExecutor.Factory executors,
            long tickMillis) {
        this(config, nodeId, dataDir, gossip, executors, tickMillis, Set.of());
    }

    /** The same settings, showing {@code fault}. */
    public NodeSettings withFault(NodeFault fault) {
        EnumSet<NodeFault> more = faults.isEmpty() ? EnumSet.noneOf(NodeFault.class) : EnumSet.copyOf(faults);
        more.add(fault);
        return new NodeSettings(config, nodeId, dataDir, gossip, executors, tickMillis, more);
    }

    /** The same settings, showing every one of {@code more} as well. */
    public NodeSettings withFaults(Set<NodeFault> more) {
        NodeSettings s = this;
        for (NodeFault f : more) {
            s = s.withFault(f);
        }
        return s;
    }

    /** Production settings: gossip on, Docker executor, ticks every second. */
    public static NodeSettings production(ClusterConfig config, int nodeId, Path dataDir) {
        int miningThreads = miningThreads(config, nodeId);
        return new NodeSettings(
                config,
                nodeId,
                dataDir,
                true,
                (swarm, id, dir) -> DockerTaskExecutor.open(swarm, id, dir, miningThreads),
                DEFAULT_TICK_MILLIS);
    }

    /** The node's configured CPUs: the built-in hasher's thread count. */
    static int miningThreads(ClusterConfig config, int nodeId) {
        CapacitySettings own = nodeId >= 0 && nodeId < config.nodes().size()
                ? config.nodes().get(nodeId).capacity()
                : null;
        CapacitySettings c = own != null ? own : config.capacity();
        return Math.max(1, c == null ? 1 : c.cpus());
    }
}
