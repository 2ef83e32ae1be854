package org.bftswarm.consensus.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.bftswarm.crypto.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-reason counters of discarded frames, shared by every connection of one endpoint, with a
 * rate-limited warning per drop.
 */
public final class DropCounters {
    private static final Logger LOG = LoggerFactory.getLogger(DropCounters.class);

    private final String endpointName;
    private final EnumMap<DropReason, LongAdder> counts = new EnumMap<>(DropReason.class);
    private final RateLimitedLog log;

    public DropCounters(String endpointName) {
        this(endpointName, 1_000);
    }

    public DropCounters(String endpointName, long logIntervalMillis) {
        this.endpointName = endpointName;
        for (DropReason r : DropReason.values()) {
            counts.put(r, new LongAdder());
        }
        this.log = new RateLimitedLog(LOG, logIntervalMillis);
    }

    /** Counts one dropped frame and logs it, at most once per interval per endpoint. */
    public void drop(DropReason reason, String detail) {
        counts.get(reason).increment();
        log.warn("{}: dropped frame ({}): {}", endpointName, reason, detail);
    }

    public long count(DropReason reason) {
        return counts.get(reason).sum();
    }

    public long total() {
        long sum = 0;
        for (LongAdder a : counts.values()) {
            sum += a.sum();
        }
        return sum;
    }

    /** A point-in-time copy in enum order. */
    public Map<DropReason, Long> snapshot() {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        counts.forEach((r, a) -> copy.put(r, a.sum()));
        return copy;
    }

    @Override
    public String toString() {
        return endpointName + " drops " + snapshot();
    }
}
