package org.bftswarm.orchestrator.ops;

/**
 * Carries nothing but the batch timestamp: lets retries and timeouts fire on an otherwise idle
 * cluster (any replica may order one periodically).
 */
public record Tick() implements Operation {}
