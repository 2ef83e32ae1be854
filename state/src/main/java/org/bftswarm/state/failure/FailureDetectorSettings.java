package org.bftswarm.state.failure;

import org.bftswarm.crypto.Invariants;

/**
 * Timers of the local failure detector: suspicion timeout (default 2 s) for the configured heartbeat
 * period, how many fresh heartbeats a suspected node must show before it is trusted again
 * (hysteresis), and how the timeout follows the interval a node announces in its signed heartbeat.
 *
 * <p>Rule ({@link #timeoutFor}): a node that announced interval {@code a} (capped at
 * {@code maxIntervalMillis}) is suspected after {@code max(suspicionTimeout, a × suspicionTimeout /
 * periodMillis)} of silence: the same number of missed heartbeats as at the configured period, and
 * never less than the configured timeout. So a node that slows down is given proportionally longer
 * (it is never evicted for following its announced schedule), a node that speeds up is not judged
 * faster than configured, and a node that announced nothing is judged by the configured timeout.
 */
public record FailureDetectorSettings(
        long suspicionTimeoutMillis, int recoveryObservations, long periodMillis, long maxIntervalMillis) {
    public static final FailureDetectorSettings DEFAULTS = new FailureDetectorSettings(2_000, 2);

    public FailureDetectorSettings {
        Invariants.check(suspicionTimeoutMillis > 0, "suspicion timeout must be positive");
        Invariants.check(recoveryObservations >= 1, "recovery observations must be >= 1");
        Invariants.check(periodMillis > 0 && periodMillis <= suspicionTimeoutMillis, "period must be in (0, timeout]");
        Invariants.check(maxIntervalMillis >= periodMillis, "max interval below the period");
    }

    /** Settings whose timeout never follows an announcement (period = max interval = timeout). */
    public FailureDetectorSettings(long suspicionTimeoutMillis, int recoveryObservations) {
        this(suspicionTimeoutMillis, recoveryObservations, suspicionTimeoutMillis, suspicionTimeoutMillis);
    }

    /** The same settings, the timeout following announced intervals up to {@code maxIntervalMillis}. */
    public FailureDetectorSettings following(long periodMillis, long maxIntervalMillis) {
        return new FailureDetectorSettings(
                suspicionTimeoutMillis, recoveryObservations, periodMillis, Math.max(periodMillis, maxIntervalMillis));
    }

    /** Silence after which a node that announced {@code announcedIntervalMillis} (0: nothing) is suspected. */
    public long timeoutFor(long announcedIntervalMillis) {
        if (announcedIntervalMillis <= 0) {
            return suspicionTimeoutMillis;
        }
        long capped = Math.min(announcedIntervalMillis, maxIntervalMillis);
        long scaled = (long) Math.ceil((double) capped * suspicionTimeoutMillis / periodMillis);
        return Math.max(suspicionTimeoutMillis, scaled);
    }
}
