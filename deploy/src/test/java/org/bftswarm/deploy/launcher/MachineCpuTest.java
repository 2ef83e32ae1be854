package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
    @Test
    void busyTimeCountsUserNiceSystemIrqSoftirqStealButNotIdleIowaitOrGuest() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String line = "cpu  100 2 30 5000 40 1 7 3 50 5";
        assertThat(MachineCpu.parseBusyMillis(line)).hasValue((100 + 2 + 30 + 1 + 7 + 3) * 10L);
    }

    @Test
    void aLineThatIsNotTheCpuTotalGivesNothing() {
        assertThat(MachineCpu.parseBusyMillis("intr 12345 0 0")).isEmpty();
        assertThat(MachineCpu.parseBusyMillis("cpu 1 2")).isEmpty();
    }

    @Test
    void thisMachineReportsAGrowingBusyTime() {
        long first = MachineCpu.busyMillis().orElseThrow();
        long spin = System.nanoTime() + 50_000_000;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += System.nanoTime() & 1;
        }
        assertThat(x).isGreaterThanOrEqualTo(0);
        assertThat(MachineCpu.busyMillis().orElseThrow()).isGreaterThan(first);
    }
}
