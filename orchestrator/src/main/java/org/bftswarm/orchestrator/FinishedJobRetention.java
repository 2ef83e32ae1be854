package org.bftswarm.orchestrator;

import java.util.Map;

/**
 * Keeps replicated state bounded: once a job's every task is terminal it joins the finished set,
 * and when more than {@code maxFinishedJobs} are finished the oldest (by job number) are dropped
 * with their tasks, the same way on every replica. Without it snapshots, digests and state
 * transfer (PBFT checkpoints, Castro &amp; Liskov TOCS 2002 §5.3) would grow forever.
 */
final class FinishedJobRetention {

    private final SchedulerState state;

    FinishedJobRetention(SchedulerState state) {
        this.state = state;
    }

    void run() {
        for (String jobId : state.jobsWithNewlyTerminalTasks) {
            JobRecord job = state.jobs.get(jobId);
            if (job != null
                    && job.taskIds().stream()
                            .allMatch(id -> state.tasks.get(id).state.isTerminal())) {
                state.finishedJobs.put(job.number, job.id);
            }
        }
        state.jobsWithNewlyTerminalTasks.clear();
        while (state.finishedJobs.size() > state.config.maxFinishedJobs()) {
            Map.Entry<Long, String> oldest = state.finishedJobs.pollFirstEntry();
            JobRecord job = state.jobs.remove(oldest.getValue());
            job.taskIds().forEach(state.tasks::remove);
            state.emit("job", job.id, "EXPIRED", null, null, "retention");
        }
    }
}
