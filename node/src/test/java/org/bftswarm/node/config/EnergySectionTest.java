package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** The {@code energy:} section: carbon intensity, device class and TDPs, strictly checked. */
class EnergySectionTest {

    @Test
    void withoutTheSectionTheGridIs400GramsPerKwhAndNodesAreFullDevicesOf7Point5Watts() {
        EnergySettings e = valid("swarm: demo").energy();
        assertThat(e.carbonIntensityGco2PerKwh()).isEqualTo(400);
        assertThat(e.deviceClass()).isEqualTo("full");
        assertThat(e.tdp()).isEqualTo(7.5);
        assertThat(e.tdpWatts()).containsEntry("standard", 1.5).containsEntry("minimal", 0.5);
    }

    @Test
    void everyKeyIsReadAndATdpCanBeOverriddenOrAdded() {
        EnergySettings e = valid(
                        "swarm: demo",
                        "energy:",
                        "  carbonIntensityGco2PerKwh: 56.5",
                        "  deviceClass: rack",
                        "  tdpWatts: {rack: 120, minimal: 0.3}")
                .energy();
        assertThat(e.carbonIntensityGco2PerKwh()).isEqualTo(56.5);
        assertThat(e.tdp()).isEqualTo(120.0);
        assertThat(e.tdpWatts()).containsEntry("minimal", 0.3).containsEntry("full", 7.5);
    }

    @Test
    void anUnknownDeviceClassIsRejectedWhereItIsWritten() {
        ConfigReport report = parse("swarm: demo", "energy:", "  deviceClass: huge");
        assertThat(errorAt(report, "energy.deviceClass", 3, 16).format()).contains("full, minimal, standard");
    }

    @Test
    void aNegativeIntensityAndAZeroTdpAreRejected() {
        errorAt(
                parse("swarm: demo", "energy:", "  carbonIntensityGco2PerKwh: -1"),
                "energy.carbonIntensityGco2PerKwh",
                3,
                30);
        errorAt(parse("swarm: demo", "energy:", "  tdpWatts:", "    full: 0"), "energy.tdpWatts.full", 4, 11);
    }

    @Test
    void aWrongTypeNamesTheKey() {
        ConfigReport report = parse("swarm: demo", "energy:", "  carbonIntensityGco2PerKwh: lots");
        assertThat(errorAt(report, "energy.carbonIntensityGco2PerKwh", 3, 30).format())
                .contains("a number");
    }
}
