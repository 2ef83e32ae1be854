package org.bftswarm.wasm;

/**
 * What {@link WasmModuleCheck} learnt about an accepted module, all a {@link WasmShardRunner} needs besides the bytes.
 *
 * @param entry the exported function called with (pointer, element count)
 * @param entryReturnsI64 whether the entry returns i64 (else i32, sign-extended)
 * @param hasAlloc whether the module exports {@code alloc: (i32) -> i32}, which then places the shard
 * @param reduceFunction the exported reduce function, or {@code null} for a built-in reduce
 * @param reduceI64 whether the reduce function is (i64, i64) -> i64 (else (i32, i32) -> i32)
 * @param dataSegmentsStart the lowest address an active, non-empty data segment starts at ({@code Long.MAX_VALUE}
 *     when there is none)
 * @param dataSegmentsEnd the highest address an active data segment ends at (0 when there is none)
 */
public record InspectedModule(
        String entry,
        boolean entryReturnsI64,
        boolean hasAlloc,
        String reduceFunction,
        boolean reduceI64,
        long dataSegmentsStart,
        long dataSegmentsEnd) {}
