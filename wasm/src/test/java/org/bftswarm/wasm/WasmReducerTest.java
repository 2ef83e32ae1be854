package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WasmReducerTest {
    private static final byte[] MAX = Wat.wasm("""
            (module
              (func (export "max") (param i64 i64) (result i64)
                (select (local.get 0) (local.get 1) (i64.gt_s (local.get 0) (local.get 1))))
              (func (export "max32") (param i32 i32) (result i32)
                (select (local.get 0) (local.get 1) (i32.gt_s (local.get 0) (local.get 1))))
              (func (export "spin") (param i64 i64) (result i64) (loop $l (br $l)) (i64.const 0)))
            """);
    private final WasmReducer reducer = new WasmReducer();

    @Test
    void anI64MaxReduceGivesTheLargerValue() {
        assertThat(reducer.reduce(MAX, "max", 3, 9_000_000_000L, 1_000)).isEqualTo(ShardOutcome.value(9_000_000_000L));
        assertThat(reducer.reduce(MAX, "max", -3, -9, 1_000)).isEqualTo(ShardOutcome.value(-3));
        assertThat(reducer.reduce(MAX, "max32", -3, 5, 1_000)).isEqualTo(ShardOutcome.value(5));
    }

    @Test
    void fuelCountsInstructionsExactly() {
        long needed = 1;
        while (!reducer.reduce(MAX, "max", 1, 2, needed).isValue()) {
            needed++;
        }
        assertThat(needed).isBetween(2L, 20L);
        for (int i = 0; i < 3; i++) {
            assertThat(reducer.reduce(MAX, "max", 1, 2, needed)).isEqualTo(ShardOutcome.value(2));
            assertThat(reducer.reduce(MAX, "max", 1, 2, needed - 1))
                    .isInstanceOfSatisfying(
                            ShardOutcome.Failure.class,
                            f -> assertThat(f.kind()).isEqualTo(FailureKind.FUEL_EXHAUSTED));
        }
    }

    @Test
    void aReduceThatNeverReturnsIsBoundedByFuel() {
        assertThat(reducer.reduce(MAX, "spin", 1, 2, 10_000))
                .isEqualTo(ShardOutcome.failure(
                        FailureKind.FUEL_EXHAUSTED, "executed all 10000 instructions of fuel without returning"));
    }

    @Test
    void anI32ReduceRefusesValuesBeyondI32AndAMissingFunctionIsInvalid() {
        assertThat(reducer.reduce(MAX, "max32", 1L << 40, 1, 1_000))
                .isInstanceOfSatisfying(
                        ShardOutcome.Failure.class,
                        f -> assertThat(f.kind()).isEqualTo(FailureKind.VALUE_OUT_OF_RANGE));
        assertThat(reducer.reduce(MAX, "combine", 1, 2, 1_000))
                .isEqualTo(ShardOutcome.failure(
                        FailureKind.INVALID_MODULE,
                        "reduce: no exported function \"combine\" of type (i64, i64) -> i64 or (i32, i32) -> i32"));
    }
}
