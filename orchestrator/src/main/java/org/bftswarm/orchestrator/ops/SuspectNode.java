package org.bftswarm.orchestrator.ops;

/**
 * Replica {@code suspector} has not heard from node {@code suspect} for the suspicion timeout.
 * f+1 distinct suspectors within the window mark the node DOWN.
 */
public record SuspectNode(int suspector, int suspect) implements Operation {}
