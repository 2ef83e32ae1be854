package org.bftswarm.state.failure;

import org.bftswarm.crypto.Invariants;

/**
 * Timers of the local failure detector: suspicion timeout (default 2 s) and how
 * many fresh heartbeats a suspected node must show before it is trusted again (hysteresis).
 */
public record FailureDetectorSettings(long suspicionTimeoutMillis, int recoveryObservations) {
    public static final FailureDetectorSettings DEFAULTS = new FailureDetectorSettings(2_000, 2);

    public FailureDetectorSettings {
        Invariants.check(suspicionTimeoutMillis > 0, "suspicion timeout must be positive");
        Invariants.check(recoveryObservations >= 1, "recovery observations must be >= 1");
    }
}
