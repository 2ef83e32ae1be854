package org.bftswarm.crypto;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts verification outcomes by kind and logs rejected envelopes at most once per interval per
 * kind (project rule: forged or malformed messages are dropped, counted and logged, rate-limited,
 * and the process keeps going). The clock is injected so the rate limit is testable.
 * Thread-safe.
 */
public final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    /** Default minimum time between two log lines of the same kind. */
    public static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

    private final String component;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final TreeMap<String, Long> lastLogged = new TreeMap<>();
    private final TreeMap<String, Long> suppressed = new TreeMap<>();

    public RejectionLog(String component, LongSupplier nanoClock, long intervalNanos) {
        this.component = component;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    /** A log on {@link System#nanoTime()} with the default 10 s interval. */
    public static RejectionLog withSystemClock(String component) {
        return new RejectionLog(component, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    /**
     * Counts {@code outcome}; for a rejection, logs a warning naming {@code peer} unless one of the
     * same kind was logged within the interval. Returns true iff a line was logged.
     */
    public synchronized boolean record(VerifyOutcome outcome, String peer) {
        String kind = outcome.kind();
        long total = counts.merge(kind, 1L, Long::sum);
        if (outcome.isOk()) {
            return false;
        }
        long now = nanoClock.getAsLong();
        Long last = lastLogged.get(kind);
        if (last != null && now - last < intervalNanos) {
            suppressed.merge(kind, 1L, Long::sum);
            return false;
        }
        long skipped = suppressed.getOrDefault(kind, 0L);
        suppressed.put(kind, 0L);
        lastLogged.put(kind, now);
        LOG.warn(
                "{}: dropped {} envelope from {}: {} ({} of this kind so far, {} not logged since the last line)",
                component,
                kind,
                peer,
                describe(outcome),
                total,
                skipped);
        return true;
    }

    /** How many outcomes of {@code kind} were recorded. */
    public synchronized long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Counts by kind, ascending by kind (a snapshot). */
    public synchronized SortedMap<String, Long> counts() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    private static String describe(VerifyOutcome outcome) {
        if (outcome instanceof VerifyOutcome.UnknownSender u) {
            return "no key for sender " + u.sender();
        } else if (outcome instanceof VerifyOutcome.BadSignature b) {
            return "signature does not verify for sender " + b.sender();
        } else if (outcome instanceof VerifyOutcome.WrongSwarm w) {
            return "addressed to swarm '" + w.swarm() + "'";
        } else if (outcome instanceof VerifyOutcome.Malformed m) {
            return m.reason();
        }
        return outcome.kind();
    }
}
