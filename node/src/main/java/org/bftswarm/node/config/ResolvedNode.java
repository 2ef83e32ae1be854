package org.bftswarm.node.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.VerifyingKey;

/**
 * One node of the cluster after defaults and port assignment: its replica id (0..n-1, also its
 * principal id for signatures), the host it binds to, and the four ports it listens on (HTTP API,
 * WebSocket events, PBFT transport, Hazelcast state), and its public key when the configuration
 * carries it ({@code nodes.list[].publicKey}; null otherwise). Every node derives the same list from
 * the same configuration file.
 */
public record ResolvedNode(
        int id,
        String host,
        int httpPort,
        int wsPort,
        int consensusPort,
        int statePort,
        CapacitySettings capacity,
        SortedMap<String, String> labels,
        VerifyingKey publicKey) {

    public ResolvedNode {
        Invariants.check(id >= 0, "node id %d < 0", id);
        Invariants.check(host != null && !host.isBlank(), "node %d has no host", id);
        for (int port : new int[] {httpPort, wsPort, consensusPort, statePort}) {
            Invariants.check(port >= 1 && port <= 65535, "node %d: port %d out of range", id, port);
        }
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A node whose public key the configuration does not carry (it is read from the key directory). */
    public ResolvedNode(
            int id,
            String host,
            int httpPort,
            int wsPort,
            int consensusPort,
            int statePort,
            CapacitySettings capacity,
            SortedMap<String, String> labels) {
        this(id, host, httpPort, wsPort, consensusPort, statePort, capacity, labels, null);
    }

    /** This node's directory under the cluster's data directory: {@code <dataDir>/node-<id>}. */
    public Path dataDir(Path clusterDataDir) {
        return clusterDataDir.resolve("node-" + id);
    }
}
