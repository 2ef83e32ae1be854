package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WasmBenchTest {
    @Test
    void theBenchSumsTheElementsAndReportsAPositiveRate() {
        for (boolean metered : new boolean[] {false, true}) {
            WasmBench.Figures figures = WasmBench.sum(Wat.SUM_I32, 100_000, 3, metered);
            assertThat(figures.lastResult()).isEqualTo((int) (100_000L * 99_999 / 2));
            assertThat(figures.elementsPerSecond()).isPositive();
            System.out.println("BENCH wasm " + (metered ? "interpreted" : "compiled") + " "
                    + Math.round(figures.elementsPerSecond()) + " elements/s");
        }
    }
}
