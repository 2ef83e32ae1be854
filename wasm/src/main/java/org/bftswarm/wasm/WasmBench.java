package org.bftswarm.wasm;

import java.time.Duration;

/**
 * Sums elements with a module in this JVM and reports the rate, for the CLI's {@code bench wasm}: one warm-up
 * run (which also compiles the module), then {@code rounds} timed runs of {@code elements} elements each.
 */
public final class WasmBench {
    private WasmBench() {}

    /** The figures of one bench: elements per second over the timed rounds, and the last round's result. */
    public record Figures(int elements, int rounds, boolean metered, double elementsPerSecond, long lastResult) {}

    /**
     * Runs {@code module}'s entry over {@code elements} i32 elements (0, 1, 2, …) {@code rounds} times, interpreted
     * with effectively unlimited fuel when {@code metered}, else compiled.
     */
    public static Figures sum(byte[] module, int elements, int rounds, boolean metered) {
        ModuleInspection inspection = WasmModuleCheck.inspect(module, null, null);
        if (!(inspection instanceof ModuleInspection.Accepted accepted)) {
            throw new IllegalArgumentException(
                    "the bench module is refused: " + ((ModuleInspection.Rejected) inspection).errors());
        }
        long[] data = new long[elements];
        for (int i = 0; i < elements; i++) {
            data[i] = i;
        }
        int pages = (int) Math.min(ShardLimits.MAX_MEMORY_PAGES, (elements * 4L >> 16) + 16);
        ShardLimits limits = new ShardLimits(metered ? Long.MAX_VALUE : null, pages, Duration.ofMinutes(10));
        WasmShardRunner runner = new WasmShardRunner();
        ShardOutcome last = runner.run(module, accepted.module(), data, false, limits);
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            last = runner.run(module, accepted.module(), data, false, limits);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(last instanceof ShardOutcome.Value value)) {
            throw new IllegalStateException("the bench module failed: " + last);
        }
        return new Figures(elements, rounds, metered, (double) elements * rounds / seconds, value.value());
    }
}
