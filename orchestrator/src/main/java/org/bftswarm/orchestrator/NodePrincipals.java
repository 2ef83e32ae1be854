package org.bftswarm.orchestrator;

import java.util.OptionalInt;

/**
 * Which authenticated client id speaks for which node (issue 4 item 1 authorisation rule). Node
 * {@code i} (0 ≤ i < n, the same id as replica i) may act either under its replica principal
 * {@code i} or as the client {@code nodeClientBase + i} (default 1000 + i). Every other client id
 * is an ordinary user client: it may submit and cancel its own jobs but never report for a node,
 * register one or suspect one. Deployments must therefore not hand user clients ids in
 * {@code [nodeClientBase, nodeClientBase + n)}.
 */
public final class NodePrincipals {

  private final int clusterSize;
  private final int nodeClientBase;

  public NodePrincipals(SchedulerConfig config) {
    this.clusterSize = config.clusterSize();
    this.nodeClientBase = config.nodeClientBase();
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
    return OptionalInt.empty();
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
