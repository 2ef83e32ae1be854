package org.bftswarm.state.store;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval and reports how many were suppressed in between, so a
 * flood of forged entries cannot flood the log (project rule: forged input is dropped, counted and
 * logged, rate-limited).
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    public void warn(String format, Object... args) {
        long now = System.nanoTime();
        long allowed = nextAllowed.get();
        if ((allowed == Long.MIN_VALUE || now - allowed >= 0) && nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            long dropped = suppressed.getAndSet(0);
            log.warn(format + (dropped > 0 ? " (" + dropped + " similar suppressed)" : ""), args);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
