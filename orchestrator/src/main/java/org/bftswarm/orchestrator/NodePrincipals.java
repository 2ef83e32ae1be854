package org.bftswarm.orchestrator;

import java.util.OptionalInt;

/**
 * Which authenticated client id speaks for which node (the scheduler's authorisation rule). Node
 * {@code i} (0 ≤ i < n, the same id as replica i) may act under its replica principal {@code i},
 * as the client {@code nodeClientBase + i} (default 1000 + i), or as one of its API session ids
 * {@code API_POOL_BASE + API_POOL_STRIDE·i + k} (k &lt; {@code API_POOL_SIZE}): a PBFT client has
 * one request outstanding at a time, so a node's API submits through a small pool of ids, all
 * signed with the node's key. This class is the one definition of that scheme. Every other client id
 * is an ordinary user client: it may submit and cancel its own jobs but never report for a node,
 * register one or suspect one. Deployments must therefore not hand user clients ids in
 * {@code [nodeClientBase, nodeClientBase + n)}.
 */
public final class NodePrincipals {

    /** First id of the nodes' API session pools. */
    public static final int API_POOL_BASE = 10_000;
    /** Id stride between two nodes' API pools. */
    public static final int API_POOL_STRIDE = 64;
    /** API session ids per node. */
    public static final int API_POOL_SIZE = 8;

    private final int clusterSize;
    private final int nodeClientBase;

    public NodePrincipals(SchedulerConfig config) {
        this.clusterSize = config.clusterSize();
        this.nodeClientBase = config.nodeClientBase();
    }

    public int clusterSize() {
        return clusterSize;
    }

    /** The node the client id speaks for, if it is a node principal. */
    public OptionalInt nodeOf(int clientId) {
        if (clientId >= 0 && clientId < clusterSize) {
            return OptionalInt.of(clientId);
        }
        long offset = (long) clientId - nodeClientBase;
        if (offset >= 0 && offset < clusterSize) {
            return OptionalInt.of((int) offset);
        }
        return apiPoolOwner(clientId, clusterSize);
    }

    /** The node whose API session pool contains {@code clientId}, if any. */
    public static OptionalInt apiPoolOwner(int clientId, int clusterSize) {
        long offset = (long) clientId - API_POOL_BASE;
        if (offset >= 0 && offset % API_POOL_STRIDE < API_POOL_SIZE && offset / API_POOL_STRIDE < clusterSize) {
            return OptionalInt.of((int) (offset / API_POOL_STRIDE));
        }
        return OptionalInt.empty();
    }

    /** The {@code k}-th API session id of node {@code nodeId}. */
    public static int apiClientId(int nodeId, int k) {
        return API_POOL_BASE + API_POOL_STRIDE * nodeId + k;
    }

    /** True when {@code clientId} is node {@code nodeId}'s principal. */
    public boolean speaksFor(int clientId, int nodeId) {
        OptionalInt node = nodeOf(clientId);
        return node.isPresent() && node.getAsInt() == nodeId;
    }

    /** True when {@code clientId} is any node's principal. */
    public boolean isNode(int clientId) {
        return nodeOf(clientId).isPresent();
    }

    /** The client id node {@code nodeId}'s worker and API sign operations with. */
    public int clientIdOf(int nodeId) {
        return nodeClientBase + nodeId;
    }

    /** True for a valid node id of this cluster. */
    public boolean isNodeId(int nodeId) {
        return nodeId >= 0 && nodeId < clusterSize;
    }
}
