package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerCpuLedgerTest {
    @Test
    void aContainerThatEndedKeepsItsLastFigureInTheTotal() {
        ContainerCpuLedger ledger = new ContainerCpuLedger();
        assertThat(ledger.total(Map.of("a", 100L, "b", 50L))).isEqualTo(150);
        assertThat(ledger.total(Map.of("a", 300L))).isEqualTo(350);
        assertThat(ledger.total(Map.of())).isEqualTo(350);
        assertThat(ledger.total(Map.of("c", 10L))).isEqualTo(360);
    }

    @Test
    void theTotalNeverGoesBackwardsWhenAFigureDoes() {
        ContainerCpuLedger ledger = new ContainerCpuLedger();
        ledger.total(Map.of("a", 100L));
        assertThat(ledger.total(Map.of("a", 40L))).isEqualTo(100);
    }
}
