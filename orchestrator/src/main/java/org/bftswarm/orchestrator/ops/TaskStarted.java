package org.bftswarm.orchestrator.ops;

/** The worker of {@code node} started attempt {@code attempt} of a task as container {@code containerId}. */
public record TaskStarted(String taskId, int attempt, int node, String containerId) implements Operation {}
