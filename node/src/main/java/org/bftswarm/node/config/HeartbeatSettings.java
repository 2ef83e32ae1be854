package org.bftswarm.node.config;

import org.bftswarm.crypto.Invariants;

/**
 * Liveness signalling: each node writes a signed heartbeat into the
 * CRDT store every {@code periodMs}; a node not heard from for {@code suspicionTimeoutMs} is
 * suspected, and f+1 ordered suspicions mark it down.
 */
public record HeartbeatSettings(int periodMs, int suspicionTimeoutMs) {

    public static final HeartbeatSettings DEFAULTS = new HeartbeatSettings(500, 2000);

    public HeartbeatSettings {
        Invariants.check(periodMs >= 1, "heartbeat periodMs %d < 1", periodMs);
        Invariants.check(
                suspicionTimeoutMs > periodMs, "suspicionTimeoutMs %d <= periodMs %d", suspicionTimeoutMs, periodMs);
    }
}
