package org.bftswarm.node;

import java.util.Locale;

/**
 * How often a node signals, relative to the configured heartbeat period: {@code AGGRESSIVE} (0.5×
 * interval, 1.5× fanout) while peers are silent and being repaired, {@code NORMAL} while there is
 * work, {@code CONSERVATIVE} (2× interval, 0.7× fanout) when the cluster is healthy and quiet, and
 * {@code EMERGENCY} (4× interval, 0.5× fanout) when the node's energy state asks for it. The fanout
 * factor is carried for dissemination layers that pick a subset of peers; the Hazelcast topic
 * reaches every member, so today only the interval factor changes what a node does.
 */
public enum GossipMode {
    AGGRESSIVE(0.5, 1.5),
    NORMAL(1.0, 1.0),
    CONSERVATIVE(2.0, 0.7),
    EMERGENCY(4.0, 0.5);

    private final double intervalFactor;
    private final double fanoutFactor;

    GossipMode(double intervalFactor, double fanoutFactor) {
        this.intervalFactor = intervalFactor;
        this.fanoutFactor = fanoutFactor;
    }

    public double intervalFactor() {
        return intervalFactor;
    }

    public double fanoutFactor() {
        return fanoutFactor;
    }

    /** The lower-case name shown in status, the API and metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
