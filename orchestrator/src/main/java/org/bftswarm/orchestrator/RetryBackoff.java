package org.bftswarm.orchestrator;

/**
 * Exponential retry backoff on batch time: after the k-th failed attempt the task
 * waits {@code backoffSeconds × 2^(k−1)} seconds, capped, before it is queued again.
 */
final class RetryBackoff {

    private RetryBackoff() {}

    static long delayMillis(int backoffSeconds, int failures, long maxBackoffMillis) {
        if (backoffSeconds <= 0 || failures <= 0) {
            return 0;
        }
        long base = backoffSeconds * 1000L;
        int doublings = failures - 1;
        if (doublings >= 40 || base > (maxBackoffMillis >> Math.min(doublings, 62))) {
            return maxBackoffMillis;
        }
        return Math.min(maxBackoffMillis, base << doublings);
    }
}
