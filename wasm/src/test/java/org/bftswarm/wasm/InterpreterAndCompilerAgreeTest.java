package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class InterpreterAndCompilerAgreeTest {
    private static final WasmShardRunner RUNNER = new WasmShardRunner();
    private static final InspectedModule SUM_I32 = WasmShardRunnerTest.inspect(Wat.SUM_I32);
    private static final InspectedModule SUM_I64 = WasmShardRunnerTest.inspect(Wat.SUM_I64);
    private static final ShardLimits METERED = new ShardLimits(100_000_000L, 16, Duration.ofSeconds(30));
    private static final ShardLimits COMPILED = new ShardLimits(null, 16, Duration.ofSeconds(30));

    @Property(tries = 60)
    void theInterpreterAndTheCompilerGiveTheSameSumOfAnI32Dataset(@ForAll @Size(max = 2_000) List<Integer> values) {
        long[] elements = values.stream().mapToLong(Integer::longValue).toArray();
        int expected = values.stream().mapToInt(Integer::intValue).sum();
        ShardOutcome interpreted = RUNNER.run(Wat.SUM_I32, SUM_I32, elements, false, METERED);
        ShardOutcome compiled = RUNNER.run(Wat.SUM_I32, SUM_I32, elements, false, COMPILED);
        assertThat(interpreted).isEqualTo(compiled).isEqualTo(ShardOutcome.value(expected));
    }

    @Property(tries = 60)
    void theInterpreterAndTheCompilerGiveTheSameSumOfAnI64Dataset(@ForAll @Size(max = 2_000) List<Long> values) {
        long[] elements = values.stream().mapToLong(Long::longValue).toArray();
        long expected = values.stream().mapToLong(Long::longValue).sum();
        ShardOutcome interpreted = RUNNER.run(Wat.SUM_I64, SUM_I64, elements, true, METERED);
        ShardOutcome compiled = RUNNER.run(Wat.SUM_I64, SUM_I64, elements, true, COMPILED);
        assertThat(interpreted).isEqualTo(compiled).isEqualTo(ShardOutcome.value(expected));
    }
}
