package org.bftswarm.orchestrator.view;

import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * One task a worker must be running now: what the worker polls. A container whose (task, attempt)
 * is not in its node's assignment list is no longer its own and is killed.
 */
public record Assignment(String taskId, String jobId, int attempt, TaskState state, JobSpec spec) {}
