package org.bftswarm.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.node.config.ClientEntry;
import org.bftswarm.node.config.ClientRegistry;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ResolvedNode;
import org.bftswarm.orchestrator.RetentionLimits;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.clients.ClientRole;

/**
 * The replicated scheduler's parameters from the cluster configuration, identical on every replica:
 * the retention of finished jobs, the default verification mode, the quarantine threshold, every node's
 * configured capacity and
 * labels (so that a registration claiming anything else is refused), and the clients that may sign
 * operations with their roles.
 */
final class SchedulerSettings {
    private SchedulerSettings() {}

    static SchedulerConfig of(ClusterConfig config, Path dataDir) {
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
                .withRetention(new RetentionLimits(
                        config.retention().finishedJobs(),
                        config.retention().maxAgeSeconds() * 1000,
                        config.retention().maxOutputBytes()))
                .withConfiguredNodes(nodes)
                .withClientPolicy(clientPolicy(config, dataDir));
    }

    /** The registry's clients and the configuration's token switch, bound to the swarm name. */
    static ClientPolicy clientPolicy(ClusterConfig config, Path dataDir) {
        SortedMap<String, ClientEntry> registry;
        try {
            registry = ClientRegistry.load(config, dataDir);
        } catch (IOException e) {
            throw new NodeStartupException("cannot load the client registry: " + e.getMessage(), e);
        }
        TreeMap<String, ClientPolicy.Client> clients = new TreeMap<>();
        registry.forEach((name, c) -> clients.put(
                name,
                new ClientPolicy.Client(
                        c.publicKeyHex(),
                        ClientRole.parse(c.role())
                                .orElseThrow(
                                        () -> new NodeStartupException("client " + name + " has no known role")))));
        return new ClientPolicy(config.swarm(), clients, config.api().allowToken());
    }
}
