package org.bftswarm.node.energy;

import java.util.Optional;

/**
 * The efficiency rating of a cluster or node: tasks completed successfully per watt-hour used.
 *
 * <pre>
 * rating  tasks per Wh
 * A+      ≥ 500
 * A       ≥ 200
 * B       ≥ 100
 * C       ≥ 50
 * D       ≥ 20
 * E       ≥ 5
 * F       &lt; 5
 * </pre>
 * With no energy used yet there is no rating.
 */
public final class EfficiencyRating {
    private static final double[] THRESHOLDS = {500, 200, 100, 50, 20, 5};
    private static final String[] GRADES = {"A+", "A", "B", "C", "D", "E"};
    private static final double JOULES_PER_WATT_HOUR = 3600.0;

    private EfficiencyRating() {}

    /** Tasks per watt-hour, or empty when no energy was used. */
    public static Optional<Double> tasksPerWattHour(long tasksSucceeded, double energyJoules) {
        if (energyJoules <= 0) {
            return Optional.empty();
        }
        return Optional.of(tasksSucceeded / (energyJoules / JOULES_PER_WATT_HOUR));
    }

    /** The grade for that many tasks per watt-hour. */
    public static String grade(double tasksPerWattHour) {
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (tasksPerWattHour >= THRESHOLDS[i]) {
                return GRADES[i];
            }
        }
        return "F";
    }

    /** The grade of a cluster or node, or empty when no energy was used. */
    public static Optional<String> of(long tasksSucceeded, double energyJoules) {
        return tasksPerWattHour(tasksSucceeded, energyJoules).map(EfficiencyRating::grade);
    }
}
