package org.bftswarm.orchestrator;

/**
 * Keeps replicated state bounded (PBFT checkpoints and state transfer, Castro &amp; Liskov TOCS 2002
 * §5.3, need a snapshot every replica can fetch): once a job's every task is terminal it joins the
 * finished set, and finished jobs are dropped with their tasks, the same way on every replica, until
 * none finished more than {@code maxAgeMillis} of batch time ago (earliest finish first), and then,
 * oldest job number first, until at most {@code finishedJobs} remain, their kept output is at most
 * {@code maxOutputBytes} and the {@link StateBudget} estimate is within its budget. Only the batch clock
 * and replicated records are consulted.
 */
final class FinishedJobRetention {

    private final SchedulerState state;

    FinishedJobRetention(SchedulerState state) {
        this.state = state;
    }

    void run() {
        for (String jobId : state.jobsWithNewlyTerminalTasks) {
            JobRecord job = state.jobs.get(jobId);
            if (job != null && state.allTasksTerminal(job)) {
                state.markFinished(job);
            }
        }
        state.jobsWithNewlyTerminalTasks.clear();
        RetentionLimits limits = state.config.retention();
        long oldestKept = state.clockMillis - limits.maxAgeMillis();
        while (!state.finishedByTime.isEmpty() && state.finishedByTime.first().finishedAtMillis() < oldestKept) {
            expire(state.finishedByTime.first(), "retention: finished more than " + limits.maxAgeMillis() + " ms ago");
        }
        while (!state.finishedJobs.isEmpty()) {
            String why = overLimit(limits);
            if (why == null) {
                break;
            }
            expire(state.finishedJobs.firstEntry().getValue(), why);
        }
    }

    /** Which limit the finished jobs exceed, or null when they are all met. */
    private String overLimit(RetentionLimits limits) {
        if (state.finishedJobs.size() > limits.finishedJobs()) {
            return "retention: more than " + limits.finishedJobs() + " finished jobs";
        }
        if (state.finishedOutputBytes > limits.maxOutputBytes()) {
            return "retention: more than " + limits.maxOutputBytes() + " bytes of finished jobs' output";
        }
        if (state.estimatedBytes() > StateBudget.budgetBytes(state.config)) {
            return "retention: state budget of " + StateBudget.budgetBytes(state.config) + " bytes";
        }
        return null;
    }

    private void expire(FinishedJob entry, String why) {
        JobRecord job = state.expire(entry);
        state.emit("job", job.id, "EXPIRED", null, null, why);
    }
}
