package org.bftswarm.orchestrator.view;

import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * One run a worker must be running now (attempt {@code attempt} of task {@code taskId} on node
 * {@code node}): what the worker polls. A container whose (task, attempt)
 * is not in its node's assignment list is no longer its own and is killed.
 */
public record Assignment(String taskId, String jobId, int attempt, TaskState state, JobSpec spec, int node) {}
