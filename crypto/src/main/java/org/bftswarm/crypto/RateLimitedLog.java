package org.bftswarm.crypto;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs at most one line per interval and says how many lines it suppressed meanwhile, so a flood of
 * hostile frames or forged entries cannot flood the log (project rule: forged input is dropped, counted
 * and logged at a bounded rate). Free-text counterpart of
 * {@link RejectionLog}, which is keyed by {@link VerifyOutcome}. Thread-safe.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextAllowedNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger logger, long intervalMillis) {
        this.logger = logger;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Logs a warning unless one was logged less than an interval ago; returns true when it logged. */
    public boolean warn(String format, Object... args) {
        long now = System.nanoTime();
        long next = nextAllowedNanos.get();
        if (next != Long.MIN_VALUE && now - next < 0) {
            suppressed.incrementAndGet();
            return false;
        }
        if (!nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return false;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            logger.warn(format + " (" + skipped + " similar lines suppressed)", args);
        } else {
            logger.warn(format, args);
        }
        return true;
    }
}
