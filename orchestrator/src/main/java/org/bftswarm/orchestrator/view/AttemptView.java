package org.bftswarm.orchestrator.view;

/**
 * How one earlier attempt of a task ended: its node, the outcome ({@code succeeded},
 * {@code failed}, {@code timeout}, {@code node-down}, {@code cancelled}), exit code if any and the
 * batch time it ended at.
 */
public record AttemptView(int attempt, int node, String outcome, Integer exitCode, String reason, long endedAtMillis) {}
