package org.bftswarm.node.config;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;

/**
 * How energy and carbon are figured: the grid's carbon intensity (grams CO2 per kWh), the device
 * class the nodes are (its TDP is the power a fully busy node draws when no RAPL counter is
 * readable), and the TDP of each class.
 */
public record EnergySettings(double carbonIntensityGco2PerKwh, String deviceClass, SortedMap<String, Double> tdpWatts) {

    public static final double DEFAULT_CARBON_INTENSITY = 400;
    public static final String DEFAULT_DEVICE_CLASS = "full";

    /** TDPs of the device classes: full 7.5 W, standard 1.5 W, minimal 0.5 W. */
    public static final SortedMap<String, Double> DEFAULT_TDP_WATTS =
            Collections.unmodifiableSortedMap(new TreeMap<>(Map.of("full", 7.5, "standard", 1.5, "minimal", 0.5)));

    public static final EnergySettings DEFAULTS =
            new EnergySettings(DEFAULT_CARBON_INTENSITY, DEFAULT_DEVICE_CLASS, DEFAULT_TDP_WATTS);

    public EnergySettings {
        Invariants.check(carbonIntensityGco2PerKwh >= 0, "carbon intensity %s < 0", carbonIntensityGco2PerKwh);
        tdpWatts = Collections.unmodifiableSortedMap(new TreeMap<>(tdpWatts));
        Invariants.check(tdpWatts.containsKey(deviceClass), "no TDP for device class %s", deviceClass);
    }

    /** The TDP of this cluster's device class, in watts. */
    public double tdp() {
        return tdpWatts.get(deviceClass);
    }
}
