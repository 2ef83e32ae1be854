package org.bftswarm.node.energy;

import java.util.OptionalLong;
import org.bftswarm.crypto.Invariants;

/**
 * Turns successive readings of one node into its power and the energy it has used. Pure: the
 * readings and the time are passed in.
 *
 * <p>With a RAPL counter (the host's package energy in microjoules, {@code /sys/class/powercap}) the
 * power of an interval is the counter's increase over the interval's length; a counter that went
 * backwards (wrapped or reset) yields no energy for that interval. Without one, the power is the
 * device's TDP scaled by the CPU utilisation of the interval: CPU time used by the node's process and
 * its task containers, over the interval's length times the cores the node offers, clamped to
 * [0, 1]. The source of the figure is always reported.
 */
public final class EnergyMeter {
    /** Where a power figure comes from. */
    public enum Source {
        RAPL("rapl"),
        TDP("tdp");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The meter after a reading: power over the last interval, energy since the first reading. */
    public record Reading(long powerMilliwatts, long energyMillijoules, long cpuMillis, Source source) {}

    private final double tdpWatts;
    private final double cores;
    private long lastMillis = -1;
    private long lastCpuMillis;
    private long lastRaplMicrojoules = -1;
    private long energyMillijoules;
    private long powerMilliwatts;
    private long cpuSinceStart;
    private Source source = Source.TDP;

    public EnergyMeter(double tdpWatts, double cores) {
        Invariants.check(tdpWatts >= 0, "tdp %s W < 0", tdpWatts);
        Invariants.check(cores > 0, "cores %s <= 0", cores);
        this.tdpWatts = tdpWatts;
        this.cores = cores;
    }

    /**
     * Records one reading.
     *
     * @param nowMillis     the reading's time (monotonic)
     * @param cpuMillis     CPU time used so far by the node's process and its running containers
     * @param raplMicrojoules the host's RAPL energy counter, when readable
     */
    public Reading observe(long nowMillis, long cpuMillis, OptionalLong raplMicrojoules) {
        if (lastMillis >= 0 && nowMillis > lastMillis) {
            long dt = nowMillis - lastMillis;
            long dCpu = Math.max(0, cpuMillis - lastCpuMillis);
            cpuSinceStart += dCpu;
            if (raplMicrojoules.isPresent() && lastRaplMicrojoules >= 0) {
                long dMicro = raplMicrojoules.getAsLong() - lastRaplMicrojoules;
                source = Source.RAPL;
                long dMilli = Math.max(0, dMicro) / 1000;
                energyMillijoules += dMilli;
                powerMilliwatts = dMicro < 0 ? powerMilliwatts : dMilli * 1000 / dt;
            } else {
                source = Source.TDP;
                double utilisation = Math.min(1.0, dCpu / (dt * cores));
                double watts = tdpWatts * utilisation;
                powerMilliwatts = Math.round(watts * 1000);
                energyMillijoules += Math.round(watts * dt);
            }
        }
        lastMillis = nowMillis;
        lastCpuMillis = cpuMillis;
        lastRaplMicrojoules = raplMicrojoules.orElse(-1);
        return new Reading(powerMilliwatts, energyMillijoules, cpuSinceStart, source);
    }
}
