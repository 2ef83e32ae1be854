package org.bftswarm.orchestrator;

/**
 * Evidence against a node: its report for {@code attempt} of {@code taskId} carried result key
 * {@code reported} while a quorum accepted {@code accepted}, ordered at batch time {@code atMillis}.
 */
record Disagreement(String taskId, int attempt, String reported, String accepted, long atMillis) {}
