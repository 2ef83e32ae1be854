package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs in both execution modes: metered (interpreted, fuel) and unmetered (compiled). */
class WasmShardRunnerTest {
    private static final long PLENTY_OF_FUEL = 50_000_000L;
    private final WasmShardRunner runner = new WasmShardRunner();

    static ShardLimits limits(boolean metered, int pages, Duration timeout) {
        return new ShardLimits(metered ? PLENTY_OF_FUEL : null, pages, timeout);
    }

    static ShardLimits limits(boolean metered) {
        return limits(metered, 16, Duration.ofSeconds(10));
    }

    static InspectedModule inspect(byte[] module) {
        ModuleInspection inspection = WasmModuleCheck.inspect(module, null, null);
        assertThat(inspection).isInstanceOf(ModuleInspection.Accepted.class);
        return ((ModuleInspection.Accepted) inspection).module();
    }

    private ShardOutcome run(byte[] module, long[] elements, ShardLimits limits) {
        return runner.run(module, inspect(module), elements, !ShardLayout.fitsI32(elements), limits);
    }

    private static void assertFailure(ShardOutcome outcome, FailureKind kind, String messagePart) {
        assertThat(outcome).isInstanceOf(ShardOutcome.Failure.class);
        ShardOutcome.Failure failure = (ShardOutcome.Failure) outcome;
        assertThat(failure.kind()).as(failure.message()).isEqualTo(kind);
        assertThat(failure.message()).contains(messagePart);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anI32SumOverPointerAndLengthReturnsTheSumSignExtended(boolean metered) {
        assertThat(run(Wat.SUM_I32, new long[] {1, 2, 3, 4, -20}, limits(metered)))
                .isEqualTo(ShardOutcome.value(-10));
        assertThat(run(Wat.SUM_I32, new long[0], limits(metered))).isEqualTo(ShardOutcome.value(0));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDatasetBeyondI32IsLaidOutAsI64AndSummedByAnI64Module(boolean metered) {
        long big = 5_000_000_000L;
        assertThat(run(Wat.SUM_I64, new long[] {big, -1, big, 7}, limits(metered)))
                .isEqualTo(ShardOutcome.value(2 * big + 6));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aModuleWithAllocGetsItsDataAtThePointerAllocReturns(boolean metered) {
        byte[] module = Wat.wasm("""
                (module (memory 1) (global $asked (mut i32) (i32.const -1))
                  (func (export "alloc") (param i32) (result i32) (global.set $asked (local.get 0)) (i32.const 4096))
                  (func (export "check") (param $p i32) (param $n i32) (result i64)
                    (if (i32.ne (global.get $asked) (i32.mul (local.get $n) (i32.const 4))) (then unreachable))
                    (i64.add (i64.shl (i64.extend_i32_u (local.get $p)) (i64.const 32))
                             (i64.extend_i32_u (i32.load offset=4 (local.get $p))))))
                """);
        assertThat(run(module, new long[] {11, 22, 33}, limits(metered)))
                .isEqualTo(ShardOutcome.value((4096L << 32) + 22));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void dataOverlappingADataSegmentGoesRightAfterTheLastSegmentRoundedUpToEight(boolean metered) {
        String where = "(func (export \"where\") (param $p i32) (param $n i32) (result i32)"
                + " (i32.add (i32.mul (local.get $p) (i32.const 1000)) (i32.load (local.get $p))))";
        byte[] atZero = Wat.wasm("(module (memory 1) (data (i32.const 0) \"hello, world!\") " + where + ")");
        assertThat(run(atZero, new long[] {5, 6}, limits(metered))).isEqualTo(ShardOutcome.value(16 * 1000 + 5));
        byte[] farAway = Wat.wasm("(module (memory 1) (data (i32.const 1000) \"hello\") " + where + ")");
        assertThat(run(farAway, new long[] {5, 6}, limits(metered))).isEqualTo(ShardOutcome.value(5));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void unreachableIsATrapWithItsMessage(boolean metered) {
        assertFailure(run(Wat.entry("unreachable"), new long[] {1}, limits(metered)), FailureKind.TRAP, "unreachable");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void divisionByZeroAndOutOfBoundsAccessAreTraps(boolean metered) {
        byte[] divide = Wat.entry("(i32.div_s (i32.load (local.get $p)) (i32.const 0))");
        assertFailure(run(divide, new long[] {1}, limits(metered)), FailureKind.TRAP, "divide by zero");
        byte[] outside = Wat.entry("(i32.load (i32.const 70000))");
        assertFailure(run(outside, new long[] {1}, limits(metered)), FailureKind.TRAP, "out of bounds");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void deepRecursionIsATrapNotAStackOverflowOfTheJvm(boolean metered) {
        byte[] module = Wat.wasm("""
                (module (memory 1)
                  (func $down (param i32) (result i32) (i32.add (call $down (local.get 0)) (i32.const 1)))
                  (func (export "run") (param i32 i32) (result i32) (call $down (local.get 0))))
                """);
        assertFailure(run(module, new long[] {1}, limits(metered)), FailureKind.TRAP, "call stack exhausted");
    }

    @Test
    void meteredRecursionTrapsAtTheSameFixedDepthOnEveryMachine() {
        byte[] module = Wat.wasm("""
                (module (memory 1)
                  (func $down (param i32) (result i32)
                    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                      (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))))
                  (func (export "run") (param $p i32) (param $n i32) (result i32)
                    (call $down (i32.load (local.get $p)))))
                """);
        int deepest = DepthBoundedInterpreter.MAX_CALL_DEPTH - 2; // the entry and $down's last frame count too
        assertThat(run(module, new long[] {deepest}, limits(true))).isEqualTo(ShardOutcome.value(deepest));
        assertFailure(run(module, new long[] {deepest + 1}, limits(true)), FailureKind.TRAP, "call stack exhausted");
    }

    @Test
    void anInfiniteLoopRunsOutOfFuel() {
        ShardLimits limits = new ShardLimits(10_000L, 4, Duration.ofSeconds(10));
        assertFailure(run(Wat.SPIN, new long[] {1}, limits), FailureKind.FUEL_EXHAUSTED, "10000 instructions");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anInfiniteLoopIsStoppedByTheWallClockTimeout(boolean metered) {
        long start = System.nanoTime();
        ShardOutcome outcome = run(Wat.SPIN, new long[] {1}, limits(metered, 4, Duration.ofMillis(300)));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertFailure(outcome, FailureKind.TIMEOUT, "300 ms");
        assertThat(elapsedMillis).isBetween(250L, 1_000L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void interruptingTheCallerStopsARunningShardWithin100Milliseconds(boolean metered) throws Exception {
        AtomicReference<ShardOutcome> outcome = new AtomicReference<>();
        AtomicLong returnedAt = new AtomicLong();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            outcome.set(run(Wat.SPIN, new long[] {1}, limits(metered, 4, Duration.ofSeconds(30))));
            returnedAt.set(System.nanoTime());
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        Thread.sleep(300);
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertFailure(outcome.get(), FailureKind.CANCELLED, "interrupted");
        assertThat((returnedAt.get() - interruptedAt) / 1_000_000).isLessThan(100);
        assertThat(flagAfter.get())
                .as("the caller's interrupt flag is restored")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aModuleGrowingMemoryPastTheLimitFailsWithMemoryLimit(boolean metered) {
        byte[] bomb = Wat.entry("(loop $l (drop (memory.grow (i32.const 1))) (br $l)) (i32.const 0)");
        assertFailure(
                run(bomb, new long[] {1}, limits(metered, 4, Duration.ofSeconds(10))),
                FailureKind.MEMORY_LIMIT,
                "exceeds the limit of 4 pages");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aShardNeedingMoreThanTheMemoryLimitFailsWithMemoryLimit(boolean metered) {
        long[] elements = new long[20_000]; // 80 000 bytes, more than one 64 KiB page
        assertFailure(
                run(Wat.SUM_I32, elements, limits(metered, 1, Duration.ofSeconds(10))),
                FailureKind.MEMORY_LIMIT,
                "80000 bytes");
        assertThat(run(Wat.SUM_I32, elements, limits(metered, 2, Duration.ofSeconds(10))))
                .isEqualTo(ShardOutcome.value(0));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anInitialMemoryAboveTheLimitFailsWithMemoryLimit(boolean metered) {
        byte[] module = Wat.wasm("(module (memory 8) " + Wat.SUM_I32_BODY + ")");
        assertFailure(
                run(module, new long[] {1}, limits(metered, 4, Duration.ofSeconds(10))),
                FailureKind.MEMORY_LIMIT,
                "initial memory of 8 pages");
    }

    @Test
    void aModuleImportingAHostFunctionIsRefusedNamingTheImport() {
        byte[] module = Wat.wasm("""
                (module (import "env" "log" (func (param i32))) (memory 1)
                  (func (export "run") (param i32 i32) (result i32) (i32.const 0)))
                """);
        InspectedModule pretend = new InspectedModule("run", false, false, null, false, Long.MAX_VALUE, 0);
        assertFailure(
                runner.run(module, pretend, new long[] {1}, false, limits(true)),
                FailureKind.INVALID_MODULE,
                "imports env.log");
    }

    @Test
    void garbageBytesAreAnInvalidModuleNotAnException() {
        InspectedModule pretend = new InspectedModule("run", false, false, null, false, Long.MAX_VALUE, 0);
        assertFailure(
                runner.run(new byte[] {9, 9, 9}, pretend, new long[] {1}, false, limits(false)),
                FailureKind.INVALID_MODULE,
                "(at byte offset 0)");
    }

    @Test
    void aModuleIsParsedAndCompiledOncePerDigestAcrossShards() {
        for (int i = 0; i < 5; i++) {
            run(Wat.SUM_I32, new long[] {i}, limits(i % 2 == 0));
        }
        assertThat(runner.modulePreparations()).isEqualTo(1);
    }
}
