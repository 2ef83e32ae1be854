package org.bftswarm.node.config;

import org.bftswarm.crypto.Invariants;

/**
 * Bounds of the adaptive heartbeat interval: whatever mode a node chooses (see the node's
 * {@code GossipModePolicy}), the period it announces and uses stays within
 * [{@code minIntervalMs}, {@code maxIntervalMs}]. Peers cap an announced interval at
 * {@code maxIntervalMs} when timing their suspicion of it.
 */
public record GossipSettings(int minIntervalMs, int maxIntervalMs) {

    public static final GossipSettings DEFAULTS = new GossipSettings(250, 2000);

    public GossipSettings {
        Invariants.check(minIntervalMs >= 1, "gossip minIntervalMs %d < 1", minIntervalMs);
        Invariants.check(
                maxIntervalMs >= minIntervalMs,
                "gossip maxIntervalMs %d < minIntervalMs %d",
                maxIntervalMs,
                minIntervalMs);
    }
}
