package org.bftswarm.orchestrator.ops;

/**
 * Replica {@code voter} votes to lift the quarantine of node {@code nodeId}; only from the voter's own
 * principal, one vote per voter, never for itself. f+1 distinct votes readmit the node, so no f nodes
 * can readmit one of their own.
 */
public record ReadmitNode(int nodeId, int voter) implements Operation {}
