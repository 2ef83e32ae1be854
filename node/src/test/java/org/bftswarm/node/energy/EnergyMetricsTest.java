package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EnergyMetricsTest {
    @Test
    void oneReportServesEveryGaugeOfAScrapeAndIsBuiltAgainOnceStale() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        Supplier<Integer> report = EnergyMetrics.reusedFor(builds::incrementAndGet, 50_000_000L);
        for (int i = 0; i < 11; i++) {
            assertThat(report.get()).isEqualTo(1);
        }
        Thread.sleep(60);
        assertThat(report.get()).isEqualTo(2);
        assertThat(builds).hasValue(2);
    }
}
