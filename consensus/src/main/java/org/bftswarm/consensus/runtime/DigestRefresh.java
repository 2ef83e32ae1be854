package org.bftswarm.consensus.runtime;

/**
 * When the runtime recomputes the state digest it publishes in {@link ReplicaStatus}. The digest
 * re-encodes and hashes the whole state (the scheduler's grows with every job it keeps), so under
 * load it is not worth doing every second: it is refreshed once execution has been quiet for
 * {@link #QUIET_MILLIS}, or when it is {@link #MAX_STALE_MILLIS} old, and only if something was
 * executed since. Replicas that stop executing therefore agree on a current digest within about a
 * second. Pure: the caller supplies the clock and the sequence numbers.
 */
final class DigestRefresh {
    static final long QUIET_MILLIS = 1_000;
    static final long MAX_STALE_MILLIS = 10_000;

    private long executed = -1;
    private long executedChangedAt;
    private long refreshedAt;

    /** Whether to recompute now, given the last executed sequence and the sequence of the current digest. */
    boolean due(long nowMillis, long lastExecuted, long digestAtExecuted) {
        if (lastExecuted != executed) {
            executed = lastExecuted;
            executedChangedAt = nowMillis;
        }
        if (lastExecuted == digestAtExecuted) {
            return false;
        }
        return nowMillis - executedChangedAt >= QUIET_MILLIS || nowMillis - refreshedAt >= MAX_STALE_MILLIS;
    }

    /** Records that the digest was recomputed at {@code nowMillis}. */
    void refreshed(long nowMillis) {
        refreshedAt = nowMillis;
    }
}
