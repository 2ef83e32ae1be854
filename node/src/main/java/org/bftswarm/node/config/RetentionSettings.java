package org.bftswarm.node.config;

/**
 * The {@code retention:} section: how much history of finished jobs the replicated state keeps. The
 * oldest finished jobs are dropped until at most {@code finishedJobs} remain, none finished more than
 * {@code maxAgeSeconds} ago (batch time) and their tasks' kept output totals at most
 * {@code maxOutputBytes}; the scheduler's state budget (half the state-transfer limit) applies as well.
 */
public record RetentionSettings(int finishedJobs, long maxAgeSeconds, long maxOutputBytes) {

    public static final RetentionSettings DEFAULTS = new RetentionSettings(5000, 86_400, 16L * 1024 * 1024);
    /** Kept output beyond this can never be reached: the state budget expires jobs first. */
    public static final long STATE_BUDGET_BYTES = 32L * 1024 * 1024;
}
