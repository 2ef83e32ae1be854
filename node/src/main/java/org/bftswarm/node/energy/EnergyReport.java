package org.bftswarm.node.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.node.config.EnergySettings;
import org.bftswarm.state.view.NodeEnergy;

/**
 * Builds the energy answer from each node's published {@link NodeEnergy} and its count of succeeded
 * tasks: watts, kWh, grams CO2 at the configured carbon intensity ({@code kWh × g/kWh}), and the
 * {@link EfficiencyRating} of each node and of the cluster. Pure.
 */
public final class EnergyReport {
    private static final double JOULES_PER_KWH = 3_600_000.0;
    /** The source named for a node that has published no figure yet. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private EnergyReport() {}

    public static EnergyJson of(
            EnergySettings settings, int n, IntFunction<Optional<NodeEnergy>> energyOf, IntToLongFunction succeededOf) {
        List<EnergyJson.Node> nodes = new ArrayList<>();
        double watts = 0;
        double joules = 0;
        long tasks = 0;
        for (int i = 0; i < n; i++) {
            Optional<NodeEnergy> e = energyOf.apply(i);
            long succeeded = succeededOf.applyAsLong(i);
            double nodeJoules = e.map(x -> x.energyMillijoules() / 1000.0).orElse(0.0);
            double nodeWatts = e.map(x -> x.powerMilliwatts() / 1000.0).orElse(0.0);
            double kwh = nodeJoules / JOULES_PER_KWH;
            nodes.add(new EnergyJson.Node(
                    i,
                    settings.deviceClass(),
                    e.map(NodeEnergy::source).orElse(UNKNOWN_SOURCE),
                    nodeWatts,
                    kwh,
                    kwh * settings.carbonIntensityGco2PerKwh(),
                    e.map(x -> x.cpuMillis() / 1000.0).orElse(0.0),
                    succeeded,
                    EfficiencyRating.of(succeeded, nodeJoules).orElse(null)));
            watts += nodeWatts;
            joules += nodeJoules;
            tasks += succeeded;
        }
        double kwh = joules / JOULES_PER_KWH;
        EnergyJson.Cluster cluster = new EnergyJson.Cluster(
                watts,
                kwh,
                kwh * settings.carbonIntensityGco2PerKwh(),
                tasks,
                EfficiencyRating.tasksPerWattHour(tasks, joules).orElse(null),
                EfficiencyRating.of(tasks, joules).orElse(null));
        return new EnergyJson(
                settings.carbonIntensityGco2PerKwh(), settings.deviceClass(), settings.tdp(), nodes, cluster);
    }
}
