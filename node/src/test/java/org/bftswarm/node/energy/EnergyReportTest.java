package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.node.config.EnergySettings;
import org.bftswarm.state.view.NodeEnergy;
import org.junit.jupiter.api.Test;

class EnergyReportTest {
    @Test
    void carbonIsKilowattHoursTimesTheIntensityAndTheClusterSumsItsNodes() {
        // node 0: 3.6 kJ = 0.001 kWh; node 1: 7.2 kJ; node 2 has published nothing yet
        Map<Integer, NodeEnergy> published = Map.of(
                0, new NodeEnergy(0, 2_500, 3_600_000, 12_000, "tdp"),
                1, new NodeEnergy(1, 500, 7_200_000, 1_000, "rapl"));
        Map<Integer, Long> succeeded = Map.of(0, 6L, 1, 1L, 2, 0L);
        EnergyJson r =
                EnergyReport.of(EnergySettings.DEFAULTS, 3, i -> Optional.ofNullable(published.get(i)), succeeded::get);

        assertThat(r.carbonIntensityGco2PerKwh()).isEqualTo(400);
        assertThat(r.tdpWatts()).isEqualTo(7.5);
        EnergyJson.Node n0 = r.nodes().get(0);
        assertThat(n0.energyKwh()).isCloseTo(0.001, within(1e-12));
        assertThat(n0.carbonGrams()).isCloseTo(0.4, within(1e-9));
        assertThat(n0.powerWatts()).isEqualTo(2.5);
        assertThat(n0.cpuSeconds()).isEqualTo(12.0);
        assertThat(n0.rating()).isEqualTo("E"); // 6 tasks in 1 Wh
        assertThat(r.nodes().get(1).source()).isEqualTo("rapl");
        assertThat(r.nodes().get(2).source()).isEqualTo(EnergyReport.UNKNOWN_SOURCE);
        assertThat(r.nodes().get(2).rating()).isNull();
        assertThat(r.cluster().powerWatts()).isEqualTo(3.0);
        assertThat(r.cluster().energyKwh()).isCloseTo(0.003, within(1e-12));
        assertThat(r.cluster().carbonGrams()).isCloseTo(1.2, within(1e-9));
        assertThat(r.cluster().tasksSucceeded()).isEqualTo(7);
        assertThat(r.cluster().tasksPerWattHour()).isCloseTo(7.0 / 3, within(1e-9));
        assertThat(r.cluster().rating()).isEqualTo("F");
    }
}
