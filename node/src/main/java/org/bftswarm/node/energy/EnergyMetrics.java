package org.bftswarm.node.energy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.bftswarm.api.EnergyJson;

/**
 * The energy figures in {@code /metrics}: this node's own meter, every node's published power and
 * energy (tagged {@code node}), and the cluster's power, energy and carbon.
 */
public final class EnergyMetrics {
    private EnergyMetrics() {}

    /** How long one built report serves the gauges: a scrape reads 2n + 3 of them. */
    private static final long REPORT_REUSE_NANOS = 1_000_000_000L;

    public static void bind(MeterRegistry r, int n, EnergySampler own, Supplier<EnergyJson> build) {
        Supplier<EnergyJson> report = reusedFor(build, REPORT_REUSE_NANOS);
        gauge(
                r,
                "bftswarm.energy.power.watts",
                "power this node draws now, as it measures it",
                own,
                s -> s.latest().powerMilliwatts() / 1000.0);
        gauge(
                r,
                "bftswarm.energy.used.joules",
                "energy this node used since it started",
                own,
                s -> s.latest().energyMillijoules() / 1000.0);
        for (int i = 0; i < n; i++) {
            int node = i;
            Gauge.builder(
                            "bftswarm.energy.node.power.watts",
                            report,
                            x -> x.get().nodes().get(node).powerWatts())
                    .tag("node", Integer.toString(node))
                    .description("power each node published")
                    .strongReference(true)
                    .register(r);
            Gauge.builder(
                            "bftswarm.energy.node.kwh",
                            report,
                            x -> x.get().nodes().get(node).energyKwh())
                    .tag("node", Integer.toString(node))
                    .description("energy each node published, in kWh")
                    .strongReference(true)
                    .register(r);
        }
        gauge(
                r,
                "bftswarm.energy.cluster.power.watts",
                "power of all nodes together",
                report,
                x -> x.get().cluster().powerWatts());
        gauge(
                r,
                "bftswarm.energy.cluster.kwh",
                "energy all nodes used, in kWh",
                report,
                x -> x.get().cluster().energyKwh());
        gauge(
                r,
                "bftswarm.energy.cluster.carbon.grams",
                "grams CO2 of that energy at the configured intensity",
                report,
                x -> x.get().cluster().carbonGrams());
    }

    /** {@code build}'s answer, built again only once it is older than {@code nanos}. */
    static <T> Supplier<T> reusedFor(Supplier<T> build, long nanos) {
        return new Supplier<>() {
            private T last;
            private long builtAt;

            @Override
            public synchronized T get() {
                long now = System.nanoTime();
                if (last == null || now - builtAt >= nanos) {
                    last = build.get();
                    builtAt = now;
                }
                return last;
            }
        };
    }

    private static <T> void gauge(MeterRegistry r, String name, String description, T source, ToDoubleFunction<T> f) {
        Gauge.builder(name, source, f)
                .description(description)
                .strongReference(true)
                .register(r);
    }
}
