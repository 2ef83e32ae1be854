package org.bftswarm.node;

import java.util.TreeMap;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ResolvedNode;
import org.bftswarm.orchestrator.SchedulerConfig;

/**
 * The replicated scheduler's parameters from the cluster configuration, identical on every replica:
 * the default verification mode, the quarantine threshold, and every node's configured capacity and
 * labels, so that a registration claiming anything else is refused.
 */
final class SchedulerSettings {
    private SchedulerSettings() {}

    static SchedulerConfig of(ClusterConfig config) {
        TreeMap<Integer, SchedulerConfig.ConfiguredNode> nodes = new TreeMap<>();
        for (ResolvedNode node : config.nodes()) {
            nodes.put(
                    node.id(),
                    new SchedulerConfig.ConfiguredNode(
                            node.capacity().cpus(), node.capacity().memoryMb(), new TreeMap<>(node.labels())));
        }
        return SchedulerConfig.defaults(config.n())
                .withVerification(
                        config.verification().defaultMode(),
                        config.verification().quarantineAfter())
                .withConfiguredNodes(nodes);
    }
}
