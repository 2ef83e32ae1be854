package org.bftswarm.api;

/**
 * The answering node's view of the PBFT group in the API's JSON: n = 3f+1 replicas, the primary of
 * view v is replica v mod n, a checkpoint becomes stable every K sequence numbers.
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
