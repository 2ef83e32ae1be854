package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;

/**
 * Instantiates prepared modules in one of the two execution modes. Rules: metered means Chicory's interpreter with
 * {@link InstructionFuel} (exact, deterministic instruction counts) and {@link DepthBoundedInterpreter}'s fixed call
 * depth; unmetered means the module compiled to JVM bytecode, many times faster but with no instruction count. In
 * both, memory is a {@link BoundedMemory} of at most {@code memoryPages} and the start function runs (under the
 * same fuel) during instantiation.
 */
final class WasmInstances {
    private WasmInstances() {}

    /** The prepared module, or a {@link LimitExceeded} of {@link FailureKind#INVALID_MODULE} for bad bytes. */
    static PreparedModule prepare(ModuleCache cache, byte[] bytes) {
        try {
            return cache.get(bytes);
        } catch (ChicoryException e) {
            throw new LimitExceeded(FailureKind.INVALID_MODULE, e.getMessage());
        }
    }

    /** A refusal of {@link FailureKind#INVALID_MODULE} when the module imports anything. */
    static void refuseImports(PreparedModule prepared) {
        var errors = WasmModuleCheck.importErrors(prepared.module());
        if (!errors.isEmpty()) {
            throw new LimitExceeded(FailureKind.INVALID_MODULE, String.join("; ", errors));
        }
    }

    static Instance metered(PreparedModule prepared, InstructionFuel fuel, int memoryPages) {
        return Instance.builder(prepared.module())
                .withMemoryFactory(limits -> BoundedMemory.create(limits, memoryPages))
                .withMachineFactory(DepthBoundedInterpreter::new)
                .withUnsafeExecutionListener(fuel)
                .build();
    }

    static Instance compiled(PreparedModule prepared, int memoryPages) {
        return Instance.builder(prepared.module())
                .withMemoryFactory(limits -> BoundedMemory.create(limits, memoryPages))
                .withMachineFactory(prepared.compiled())
                .build();
    }

    /** Grows {@code memory} so that it holds {@code end} bytes, or ends the run with MEMORY_LIMIT. */
    static void ensureCapacity(Memory memory, long end) {
        long have = (long) memory.pages() * Memory.PAGE_SIZE;
        if (end <= have) {
            return;
        }
        long missingPages = (end - have + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
        String refusal = "the shard needs " + end + " bytes of memory, ";
        if ((long) memory.pages() + missingPages > ShardLimits.MAX_MEMORY_PAGES) {
            throw new LimitExceeded(FailureKind.MEMORY_LIMIT, refusal + "more than any limit allows");
        }
        int grown;
        try {
            grown = memory.grow((int) missingPages);
        } catch (LimitExceeded e) {
            throw new LimitExceeded(FailureKind.MEMORY_LIMIT, refusal + "but " + e.getMessage());
        }
        if (grown < 0) {
            throw new LimitExceeded(FailureKind.MEMORY_LIMIT, refusal + "more than the module's declared maximum");
        }
    }
}
