package org.bftswarm.orchestrator;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Every state transition of a task, in one place so that the
 * derived indexes (queues, node usage) always move with the records: assign (new attempt number),
 * start, finish (success, retry after backoff, or final failure), evict from a DOWN node, retry
 * when the backoff has elapsed, and cancel.
 */
final class TaskLifecycle {

    private final SchedulerState state;

    TaskLifecycle(SchedulerState state) {
        this.state = state;
    }

    /** PENDING → ASSIGNED on {@code node} with the next attempt number. */
    void assign(TaskRecord task, NodeRecord node) {
        Invariants.check(task.state == TaskState.PENDING, "assign %s in state %s", task.id, task.state);
        Invariants.check(node.state == NodeState.UP, "assign %s to DOWN node %s", task.id, node.id);
        JobRecord job = state.jobs.get(task.jobId);
        state.pendingQueue.remove(task);
        task.attempt++;
        task.state = TaskState.ASSIGNED;
        task.node = node.id;
        task.assignedAtMillis = state.clockMillis;
        task.startedAtMillis = null;
        task.containerId = null;
        task.exitCode = null;
        task.outputDigest = null;
        task.output = null;
        task.outputTruncated = false;
        task.reason = null;
        node.activeTasks.add(task.id);
        node.usedMilliCpus += job.spec.milliCpus();
        node.usedMemoryMb += job.spec.memoryDemandMb();
        state.emitTask(task, "assigned");
    }

    /** ASSIGNED → RUNNING: the worker started the container. */
    void markStarted(TaskRecord task, String containerId) {
        Invariants.check(task.state == TaskState.ASSIGNED, "start %s in state %s", task.id, task.state);
        task.state = TaskState.RUNNING;
        task.startedAtMillis = state.clockMillis;
        task.containerId = containerId;
        state.emitTask(task, containerId);
    }

    /**
     * The current attempt ended (reported by its worker, or timed out by the scheduler when
     * {@code exitCode} is null). Exit 0 succeeds; otherwise the task retries after backoff while it
     * has retries left, and fails for good after that.
     */
    void finishAttempt(
            TaskRecord task, Integer exitCode, String outputDigest, String output, boolean truncated, String reason) {
        Invariants.check(task.state.isActive(), "finish %s in state %s", task.id, task.state);
        JobRecord job = state.jobs.get(task.jobId);
        int node = task.node;
        release(task);
        task.exitCode = exitCode;
        task.outputDigest = outputDigest;
        task.output = output;
        task.outputTruncated = truncated;
        task.reason = reason;
        boolean success = exitCode != null && exitCode == 0;
        task.remember(new AttemptView(
                task.attempt,
                node,
                success ? "succeeded" : exitCode == null ? "timeout" : "failed",
                exitCode,
                reason,
                state.clockMillis));
        if (success) {
            task.state = TaskState.SUCCEEDED;
            task.finishedAtMillis = state.clockMillis;
            state.jobsWithNewlyTerminalTasks.add(task.jobId);
        } else {
            task.failures++;
            if (task.failures <= job.spec.retries()) {
                task.state = TaskState.BACKOFF;
                task.retryAtMillis = state.clockMillis
                        + RetryBackoff.delayMillis(
                                job.spec.backoffSeconds(), task.failures, state.config.maxBackoffMillis());
                state.retryQueue.add(task);
            } else {
                task.state = TaskState.FAILED;
                task.finishedAtMillis = state.clockMillis;
                state.jobsWithNewlyTerminalTasks.add(task.jobId);
            }
        }
        state.emitTask(task, reason);
    }

    /** Active on a node that went DOWN → PENDING again; the old attempt is dead from now on. */
    void evict(TaskRecord task, String reason) {
        Invariants.check(task.state.isActive(), "evict %s in state %s", task.id, task.state);
        int node = task.node;
        release(task);
        task.remember(new AttemptView(task.attempt, node, "node-down", null, reason, state.clockMillis));
        task.state = TaskState.PENDING;
        task.node = null;
        task.containerId = null;
        state.pendingQueue.add(task);
        state.emitTask(task, reason);
    }

    /** BACKOFF → PENDING once the retry time has come. */
    void retryNow(TaskRecord task) {
        Invariants.check(task.state == TaskState.BACKOFF, "retry %s in state %s", task.id, task.state);
        state.retryQueue.remove(task);
        task.retryAtMillis = null;
        task.state = TaskState.PENDING;
        task.node = null;
        state.pendingQueue.add(task);
        state.emitTask(task, "retry");
    }

    /** Any non-terminal state → CANCELLED; a running container is killed by its worker. */
    void cancel(TaskRecord task) {
        if (task.state.isTerminal()) {
            return;
        }
        if (task.state.isActive()) {
            int node = task.node;
            release(task);
            task.remember(new AttemptView(task.attempt, node, "cancelled", null, "cancelled", state.clockMillis));
        } else if (task.state == TaskState.PENDING) {
            state.pendingQueue.remove(task);
        } else if (task.state == TaskState.BACKOFF) {
            state.retryQueue.remove(task);
            task.retryAtMillis = null;
        }
        task.state = TaskState.CANCELLED;
        task.finishedAtMillis = state.clockMillis;
        state.jobsWithNewlyTerminalTasks.add(task.jobId);
        task.reason = "cancelled";
        state.emitTask(task, "cancelled");
    }

    /** Frees the node's resources held by an active task (the task keeps naming its last node). */
    private void release(TaskRecord task) {
        NodeRecord node = state.node(task.node);
        Invariants.check(node != null, "active task %s on unknown node %s", task.id, task.node);
        JobRecord job = state.jobs.get(task.jobId);
        boolean removed = node.activeTasks.remove(task.id);
        Invariants.check(removed, "task %s not in node %s active set", task.id, node.id);
        node.usedMilliCpus -= job.spec.milliCpus();
        node.usedMemoryMb -= job.spec.memoryDemandMb();
        Invariants.check(node.usedMilliCpus >= 0 && node.usedMemoryMb >= 0, "node %s usage went negative", node.id);
    }
}
