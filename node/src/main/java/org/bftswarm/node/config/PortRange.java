package org.bftswarm.node.config;

import org.bftswarm.crypto.Invariants;

/**
 * An inclusive range of TCP ports ({@code nodes.randomPortRange}) from which every node's consensus
 * and state (Hazelcast) ports are assigned deterministically: node i gets {@code min + 2i} for
 * consensus and {@code min + 2i + 1} for state, so every node computes the same port map.
 */
public record PortRange(int min, int max) {
    public PortRange {
        Invariants.check(min >= 1 && max <= 65535 && min <= max, "bad port range %d..%d", min, max);
    }

    /** Number of ports in the range. */
    public int size() {
        return max - min + 1;
    }

    public boolean contains(int port) {
        return port >= min && port <= max;
    }

    public int consensusPort(int nodeId) {
        int port = min + 2 * nodeId;
        Invariants.check(nodeId >= 0 && port + 1 <= max, "node %d has no consensus port in %d..%d", nodeId, min, max);
        return port;
    }

    public int statePort(int nodeId) {
        return consensusPort(nodeId) + 1;
    }
}
