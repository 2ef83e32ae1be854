package org.bftswarm.wasm;

/** Why a WebAssembly shard or reduce produced no value; each kind is a property of the module and its limits. */
public enum FailureKind {
    /** The module trapped: unreachable, out-of-bounds memory access, divide by zero, call stack exhausted. */
    TRAP,
    /** The interpreter executed as many instructions as the fuel allowed and the function had not returned. */
    FUEL_EXHAUSTED,
    /** The shard, the module's initial memory or a {@code memory.grow} needed more pages than the limit. */
    MEMORY_LIMIT,
    /** The wall-clock timeout passed before the function returned. */
    TIMEOUT,
    /** The calling thread was interrupted: someone cancelled the run. */
    CANCELLED,
    /** The bytes are not a module this runtime accepts (parse, validation, imports, missing export). */
    INVALID_MODULE,
    /** An argument does not fit the function's parameter type (a value beyond i32 for an i32 reduce). */
    VALUE_OUT_OF_RANGE
}
