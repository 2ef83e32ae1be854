package org.bftswarm.orchestrator;

import java.util.List;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Derives a job's status from its tasks at a batch time: every task terminal →
 * CANCELLED if any was cancelled, COMPLETE if all succeeded, else FAILED; otherwise PARTIAL once
 * the deadline has passed with some task terminal; otherwise RUNNING if any task was ever placed
 * or has finished, else PENDING.
 */
final class JobStatusRules {

    private JobStatusRules() {}

    static JobStatus derive(List<TaskState> tasks, long deadlineMillis, long nowMillis) {
        boolean allTerminal = true;
        boolean anyTerminal = false;
        boolean anyCancelled = false;
        boolean allSucceeded = true;
        boolean anyStarted = false;
        for (TaskState t : tasks) {
            allTerminal &= t.isTerminal();
            anyTerminal |= t.isTerminal();
            anyCancelled |= t == TaskState.CANCELLED;
            allSucceeded &= t == TaskState.SUCCEEDED;
            anyStarted |= t != TaskState.PENDING;
        }
        if (allTerminal) {
            return anyCancelled ? JobStatus.CANCELLED : allSucceeded ? JobStatus.COMPLETE : JobStatus.FAILED;
        }
        if (anyTerminal && nowMillis > deadlineMillis) {
            return JobStatus.PARTIAL;
        }
        return anyStarted ? JobStatus.RUNNING : JobStatus.PENDING;
    }
}
