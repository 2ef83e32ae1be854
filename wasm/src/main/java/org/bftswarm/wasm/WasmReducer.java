package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Map;
import java.util.Objects;

/**
 * Combines two shard results with a module's reduce function inside the replicated scheduler, so it must give the
 * same answer on every replica and always end. Rules: always interpreted with exact instruction fuel (start
 * function included) and a fixed call depth, never compiled and never bounded by a clock; memory at most
 * {@value #MEMORY_PAGES} pages; a fresh instance per call (the parsed module is cached by SHA-256). The function
 * is (i64, i64) -> i64 or (i32, i32) -> i32; for the i32 one both values must fit in i32
 * ({@link FailureKind#VALUE_OUT_OF_RANGE}) and the result is sign-extended. Every failure is an outcome. Thread-safe.
 */
public final class WasmReducer {
    /** 16 MiB, the same on every replica. */
    public static final int MEMORY_PAGES = 256;

    private final ModuleCache cache;

    public WasmReducer() {
        this.cache = new ModuleCache(ModuleCache.DEFAULT_CAPACITY);
    }

    public ShardOutcome reduce(byte[] module, String function, long a, long b, long fuel) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(function, "function");
        if (fuel <= 0) {
            throw new IllegalArgumentException("fuel must be positive, got " + fuel);
        }
        return WasmExecution.run(null, () -> reduceHere(module, function, a, b, fuel));
    }

    private ShardOutcome reduceHere(byte[] module, String function, long a, long b, long fuel) {
        PreparedModule prepared = WasmInstances.prepare(cache, module);
        WasmInstances.refuseImports(prepared);
        Map<String, FunctionType> functions = WasmModuleCheck.exportedFunctions(prepared.module());
        String error = WasmModuleCheck.reduceError(functions, function);
        if (error != null) {
            return ShardOutcome.failure(FailureKind.INVALID_MODULE, "reduce: " + error);
        }
        boolean i64 = WasmModuleCheck.isBinary(functions.get(function), ValType.I64);
        if (!i64 && (a != (int) a || b != (int) b)) {
            return ShardOutcome.failure(
                    FailureKind.VALUE_OUT_OF_RANGE,
                    "reduce: \"" + function + "\" takes i32 values; " + (a != (int) a ? a : b) + " does not fit");
        }
        Instance instance = WasmInstances.metered(prepared, new InstructionFuel(fuel), MEMORY_PAGES);
        long[] result = instance.export(function).apply(a, b);
        return ShardOutcome.value(i64 ? result[0] : (int) result[0]);
    }
}
