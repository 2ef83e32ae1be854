package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EnergyMeterTest {
    private static final OptionalLong NO_RAPL = OptionalLong.empty();

    @Test
    void withoutRaplPowerIsTheTdpScaledByCpuUtilisationOfTheOfferedCores() {
        EnergyMeter meter = new EnergyMeter(7.5, 2);
        meter.observe(10_000, 5_000, NO_RAPL);
        // 1 s of CPU in a 1 s interval on 2 cores: half busy
        EnergyMeter.Reading r = meter.observe(11_000, 6_000, NO_RAPL);
        assertThat(r.source()).isEqualTo(EnergyMeter.Source.TDP);
        assertThat(r.powerMilliwatts()).isEqualTo(3_750);
        assertThat(r.energyMillijoules()).isEqualTo(3_750);
        assertThat(r.cpuMillis()).isEqualTo(1_000);
        // idle for 2 s: no power, energy unchanged
        r = meter.observe(13_000, 6_000, NO_RAPL);
        assertThat(r.powerMilliwatts()).isZero();
        assertThat(r.energyMillijoules()).isEqualTo(3_750);
    }

    @Test
    void utilisationIsClampedToTheDevicesTdp() {
        EnergyMeter meter = new EnergyMeter(1.5, 1);
        meter.observe(0, 0, NO_RAPL);
        EnergyMeter.Reading r = meter.observe(1_000, 4_000, NO_RAPL);
        assertThat(r.powerMilliwatts()).isEqualTo(1_500);
    }

    @Test
    void cpuTimeGoingBackwardsAddsNothing() {
        EnergyMeter meter = new EnergyMeter(7.5, 2);
        meter.observe(0, 9_000, NO_RAPL);
        EnergyMeter.Reading r = meter.observe(1_000, 1_000, NO_RAPL);
        assertThat(r.energyMillijoules()).isZero();
    }

    @Test
    void withRaplPowerIsTheCountersIncreaseOverTheInterval() {
        EnergyMeter meter = new EnergyMeter(7.5, 2);
        meter.observe(0, 0, OptionalLong.of(1_000_000));
        EnergyMeter.Reading r = meter.observe(2_000, 0, OptionalLong.of(11_000_000));
        assertThat(r.source()).isEqualTo(EnergyMeter.Source.RAPL);
        assertThat(r.powerMilliwatts()).isEqualTo(5_000);
        assertThat(r.energyMillijoules()).isEqualTo(10_000);
    }

    @Test
    void aRaplCounterThatWrappedAddsNoEnergyForThatInterval() {
        EnergyMeter meter = new EnergyMeter(7.5, 2);
        meter.observe(0, 0, OptionalLong.of(50_000_000));
        meter.observe(1_000, 0, OptionalLong.of(53_000_000));
        EnergyMeter.Reading r = meter.observe(2_000, 0, OptionalLong.of(1_000));
        assertThat(r.energyMillijoules()).isEqualTo(3_000);
        r = meter.observe(3_000, 0, OptionalLong.of(2_001_000));
        assertThat(r.energyMillijoules()).isEqualTo(5_000);
        assertThat(r.powerMilliwatts()).isEqualTo(2_000);
    }
}
