package org.bftswarm.api;

import java.util.List;

/**
 * {@code GET /api/v1/energy}: power, energy and carbon per node and for the cluster, as the
 * answering node knows them (each node measures and signs its own figures; they are soft state).
 * {@code source} names where a node's power comes from: {@code rapl} (the host's package counter),
 * {@code tdp} (the device class's TDP scaled by measured CPU utilisation) or {@code unknown} (no
 * figure published yet). The rating grades tasks completed per watt-hour, A+ to F.
 */
public record EnergyJson(
        double carbonIntensityGco2PerKwh, String deviceClass, double tdpWatts, List<Node> nodes, Cluster cluster) {

    /** One node's figures. */
    public record Node(
            int id,
            String deviceClass,
            String source,
            double powerWatts,
            double energyKwh,
            double carbonGrams,
            double cpuSeconds,
            long tasksSucceeded,
            String rating) {}

    /** The sums over the nodes, and the cluster's rating. */
    public record Cluster(
            double powerWatts,
            double energyKwh,
            double carbonGrams,
            long tasksSucceeded,
            Double tasksPerWattHour,
            String rating) {}
}
