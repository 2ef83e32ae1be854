package org.bftswarm.api;

/**
 * The answering node's view of the PBFT group (DESIGN "Consensus": n = 3f+1, primary of view v is
 * v mod n, checkpoints every K sequence numbers).
 *
 * @param n                number of replicas
 * @param f                faults tolerated
 * @param view             current view number
 * @param primary          primary replica of that view
 * @param lastExecuted     last sequence number this node executed
 * @param stableCheckpoint sequence number of the last stable checkpoint
 * @param nodeId           id of the node that answered
 */
public record ClusterJson(int n, int f, long view, int primary, long lastExecuted, long stableCheckpoint, int nodeId) {}
