package org.bftswarm.orchestrator;

import org.bftswarm.crypto.Invariants;

/**
 * How much history of finished jobs the replicated state keeps: at most {@code finishedJobs} of them,
 * none finished more than {@code maxAgeMillis} of batch time ago, and at most {@code maxOutputBytes}
 * of kept task output (UTF-8) among them. {@link FinishedJobRetention} expires the oldest until all
 * three hold, the same way on every replica.
 */
public record RetentionLimits(int finishedJobs, long maxAgeMillis, long maxOutputBytes) {

    public static final int DEFAULT_FINISHED_JOBS = 5_000;
    public static final long DEFAULT_MAX_AGE_MILLIS = 86_400_000L;
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L * 1024 * 1024;
    public static final RetentionLimits DEFAULTS =
            new RetentionLimits(DEFAULT_FINISHED_JOBS, DEFAULT_MAX_AGE_MILLIS, DEFAULT_MAX_OUTPUT_BYTES);

    public RetentionLimits {
        Invariants.check(finishedJobs >= 1, "must keep at least one finished job, got %s", finishedJobs);
        Invariants.check(maxAgeMillis >= 1, "finished jobs' max age must be positive, got %s", maxAgeMillis);
        Invariants.check(maxOutputBytes >= 0, "kept output bytes must be >= 0, got %s", maxOutputBytes);
    }

    /** The same limits keeping {@code count} finished jobs at most. */
    public RetentionLimits withFinishedJobs(int count) {
        return new RetentionLimits(count, maxAgeMillis, maxOutputBytes);
    }
}
