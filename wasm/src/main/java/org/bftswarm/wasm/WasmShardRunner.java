package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import java.util.Objects;

/**
 * Runs one shard of a data job: places the elements in the module's memory and calls its entry with (pointer,
 * element count); the entry's return is the shard's result.
 *
 * <p>Rules (layout in {@link ShardLayout}): the offset is what an exported {@code alloc(length in bytes)} returns
 * when the module has one, else {@link ShardLayout#defaultOffset}; memory grows as needed within {@link
 * ShardLimits#memoryPages()} and needing more is {@link FailureKind#MEMORY_LIMIT}. An i32 result is
 * sign-extended.
 *
 * <p>Execution mode, a trade-off the limits choose: with {@code fuel} the module is interpreted and every
 * instruction is counted, exactly and identically on every node, so a quorum of correct nodes agrees even on
 * {@link FailureKind#FUEL_EXHAUSTED}; without it the module is compiled to JVM bytecode (tens of times faster) and
 * only the wall-clock timeout bounds it, which machines may reach at different points. Both modes stop on timeout
 * and on the caller's {@link Thread#interrupt()} within milliseconds. Parsed and compiled modules are cached by the
 * SHA-256 of their bytes (the {@value ModuleCache#DEFAULT_CAPACITY} most recently used).
 *
 * <p>Failures: a module's misbehaviour is a {@link ShardOutcome.Failure}, never an exception; only caller errors
 * (null arguments, an element beyond i32 in an i32 layout) throw {@link IllegalArgumentException} or
 * {@link NullPointerException}. Thread-safe.
 */
public final class WasmShardRunner {
    private final ModuleCache cache;

    public WasmShardRunner() {
        this(ModuleCache.DEFAULT_CAPACITY);
    }

    public WasmShardRunner(int cacheCapacity) {
        this.cache = new ModuleCache(cacheCapacity);
    }

    /**
     * Runs {@code elements} (laid out as i64 when {@code i64}, else i32) through the entry {@code inspected}
     * names.
     */
    public ShardOutcome run(
            byte[] module, InspectedModule inspected, long[] elements, boolean i64, ShardLimits limits) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(inspected, "inspected");
        Objects.requireNonNull(limits, "limits");
        byte[] data = ShardLayout.encode(elements, i64);
        return WasmExecution.run(limits.timeout(), () -> runHere(module, inspected, data, elements.length, limits));
    }

    /** How many times a module was parsed because it was not in the cache (compiled at most once per parse). */
    public long modulePreparations() {
        return cache.preparations();
    }

    private ShardOutcome runHere(byte[] module, InspectedModule inspected, byte[] data, int count, ShardLimits limits) {
        PreparedModule prepared = WasmInstances.prepare(cache, module);
        WasmInstances.refuseImports(prepared);
        Instance instance = limits.metered()
                ? WasmInstances.metered(prepared, new InstructionFuel(limits.fuel()), limits.memoryPages())
                : WasmInstances.compiled(prepared, limits.memoryPages());
        Memory memory = instance.memory();
        if (memory == null) {
            return ShardOutcome.failure(FailureKind.INVALID_MODULE, "the module has no memory to hold the shard");
        }
        long pointer = inspected.hasAlloc()
                ? Integer.toUnsignedLong(
                        (int) instance.export(WasmModuleCheck.ALLOC).apply(data.length)[0])
                : ShardLayout.defaultOffset(inspected, data.length);
        WasmInstances.ensureCapacity(memory, pointer + data.length);
        memory.write((int) pointer, data);
        long[] result = instance.export(inspected.entry()).apply(pointer, count);
        return ShardOutcome.value(inspected.entryReturnsI64() ? result[0] : (int) result[0]);
    }
}
