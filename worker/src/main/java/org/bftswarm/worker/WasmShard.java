package org.bftswarm.worker;

import java.util.Objects;

/**
 * A WebAssembly shard to run instead of a container: the module, its entry function (null: the
 * module's only function of the entry type), the shard's elements, whether the dataset is laid out as
 * i64 (else i32), and the limits: instruction {@code fuel} (null: unmetered, bounded by the task's
 * timeout) and {@code memoryPages} of 64 KiB.
 */
public record WasmShard(byte[] module, String entry, long[] elements, boolean i64, Long fuel, int memoryPages) {
    public WasmShard {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(elements, "elements");
        if (memoryPages < 1) {
            throw new IllegalArgumentException("memoryPages must be >= 1, got " + memoryPages);
        }
        module = module.clone();
        elements = elements.clone();
    }

    @Override
    public byte[] module() {
        return module.clone();
    }

    @Override
    public long[] elements() {
        return elements.clone();
    }
}
