package org.bftswarm.orchestrator.ops;

/**
 * The worker of {@code node} reports the end of attempt {@code attempt}: exit code, SHA-256 hex of
 * the full output, the output itself (the state machine keeps at most 64 KiB of it) and a short
 * reason such as {@code exited}, {@code timeout}, {@code killed} or {@code image-missing}.
 */
public record TaskFinished(
        String taskId, int attempt, int node, int exitCode, String outputDigest, String output, String reason)
        implements Operation {}
