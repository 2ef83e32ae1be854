package org.bftswarm.orchestrator.ops;

/** A node heartbeats again after being marked DOWN and rejoins; only from its own principal. */
public record NodeAlive(int nodeId) implements Operation {}
