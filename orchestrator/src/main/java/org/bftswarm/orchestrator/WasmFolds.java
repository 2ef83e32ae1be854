package org.bftswarm.orchestrator;

import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.ShardReduce;
import org.bftswarm.wasm.ShardOutcome;
import org.bftswarm.wasm.WasmReducer;

/**
 * Reduces by a job module's exported function inside the state machine: always interpreted with
 * {@value #FUEL_PER_CALL} instructions of fuel per call and no clock, so every replica computes the
 * same value or the same failure, and a hostile reduce function cannot stall execution.
 */
final class WasmFolds {
    static final long FUEL_PER_CALL = 1_000_000;
    private static final WasmReducer REDUCER = new WasmReducer();

    private WasmFolds() {}

    static ShardReduce.Fold fold(DataSpec data) {
        byte[] module = data.moduleBytes();
        return (a, b) -> {
            ShardOutcome out = REDUCER.reduce(module, data.reduce(), a, b, FUEL_PER_CALL);
            if (out instanceof ShardOutcome.Value v) {
                return v.value();
            }
            ShardOutcome.Failure f = (ShardOutcome.Failure) out;
            throw new IllegalStateException(f.kind() + ": " + f.message());
        };
    }
}
