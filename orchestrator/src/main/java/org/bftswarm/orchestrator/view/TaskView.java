package org.bftswarm.orchestrator.view;

import java.util.List;

/**
 * Read-only picture of one task for the API: current state, most recent attempt and node, the runs in
 * flight, and the accepted result (exit code, output digest, output of at most 64 KiB, reason) once
 * there is one, with the nodes whose reports matched it ({@code verifiedBy}) and those whose reports
 * differed ({@code disputedBy}).
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
        List<AttemptView> history,
        List<Integer> verifiedBy,
        List<Integer> disputedBy,
        List<Assignment> runs) {}
