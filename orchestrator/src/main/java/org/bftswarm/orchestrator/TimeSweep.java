package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.view.NodeState;

/**
 * What the passage of batch time does (the only time the scheduler knows is the batch timestamp):
 * a run that outlived its job's timeout plus the grace is declared lost (the worker should have
 * killed it and reported first), a task whose backoff has elapsed is queued again, and suspicion
 * votes older than the window are forgotten.
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
        List<RunRecord> overdue = new ArrayList<>();
        List<TaskRecord> of = new ArrayList<>();
        for (NodeRecord node : state.nodes.values()) {
            if (node.state != NodeState.UP) {
                continue;
            }
            for (String taskId : node.activeTasks) {
                TaskRecord task = state.tasks.get(taskId);
                RunRecord run = task.runs.get(node.id);
                if (now > attemptDeadline(task, run)) {
                    overdue.add(run);
                    of.add(task);
                }
            }
        }
        for (int i = 0; i < overdue.size(); i++) {
            TaskRecord task = of.get(i);
            RunRecord run = overdue.get(i);
            // An earlier loss in this sweep may have ended the task's round and superseded this run.
            if (task.runs.get(run.node()) == run) {
                lifecycle.lose(task, run, "timeout");
            }
        }
    }

    /** Batch time after which the scheduler gives up on one run. */
    long attemptDeadline(TaskRecord task, RunRecord run) {
        JobRecord job = state.jobs.get(task.jobId);
        long since = run.started() ? run.startedAtMillis() : run.assignedAtMillis();
        return since + job.spec.timeoutSeconds() * 1000L + state.config.timeoutGraceMillis();
    }
}
