package org.bftswarm.orchestrator.view;

import java.util.List;

/**
 * Read-only picture of one task for the API: current state, attempt and node, and the accepted
 * result (exit code, output digest, output of at most 64 KiB, reason) once there is one.
 */
public record TaskView(
        String id,
        String jobId,
        int index,
        TaskState state,
        int attempt,
        Integer node,
        String containerId,
        Integer exitCode,
        String outputDigest,
        String output,
        boolean outputTruncated,
        String reason,
        int failures,
        Long assignedAtMillis,
        Long startedAtMillis,
        Long retryAtMillis,
        Long finishedAtMillis,
        List<AttemptView> history) {}
