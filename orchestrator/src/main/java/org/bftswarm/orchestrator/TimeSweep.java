package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.view.NodeState;

/**
 * What the passage of batch time does (the scheduler's only clock is the primary's batch timestamp):
 * an active attempt that outlived its job's timeout plus the grace is declared timed out (the
 * worker should have killed it and reported first), a task whose backoff has elapsed is queued
 * again, and suspicion votes older than the window are forgotten.
 */
final class TimeSweep {

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;

    TimeSweep(SchedulerState state, TaskLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    void run() {
        long now = state.clockMillis;
        state.suspicions.expire(now, state.config.suspicionWindowMillis());
        timeOutOverdueAttempts(now);
        while (!state.retryQueue.isEmpty() && state.retryQueue.first().retryAtMillis <= now) {
            lifecycle.retryNow(state.retryQueue.first());
        }
    }

    private void timeOutOverdueAttempts(long now) {
        List<TaskRecord> overdue = new ArrayList<>();
        for (NodeRecord node : state.nodes.values()) {
            if (node.state != NodeState.UP) {
                continue;
            }
            for (String taskId : node.activeTasks) {
                TaskRecord task = state.tasks.get(taskId);
                if (now > attemptDeadline(task)) {
                    overdue.add(task);
                }
            }
        }
        for (TaskRecord task : overdue) {
            lifecycle.finishAttempt(task, null, null, null, false, "timeout");
        }
    }

    /** Batch time after which the scheduler gives up on the current attempt. */
    long attemptDeadline(TaskRecord task) {
        JobRecord job = state.jobs.get(task.jobId);
        long since = task.startedAtMillis != null ? task.startedAtMillis : task.assignedAtMillis;
        return since + job.spec.timeoutSeconds() * 1000L + state.config.timeoutGraceMillis();
    }
}
