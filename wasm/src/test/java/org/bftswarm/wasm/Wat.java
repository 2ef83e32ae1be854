package org.bftswarm.wasm;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** Test modules, written as WebAssembly text. */
final class Wat {
    private Wat() {}

    static byte[] wasm(String wat) {
        return Wat2Wasm.parse(wat);
    }

    /** Sums (ptr, n) little-endian i32 elements into an i32 (wrapping). */
    static final String SUM_I32_BODY = """
            (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $acc i32)
              (block $done (loop $next
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $acc (i32.add (local.get $acc) (i32.load (local.get $p))))
                (local.set $p (i32.add (local.get $p) (i32.const 4)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $next)))
              (local.get $acc))
            """;

    static final byte[] SUM_I32 = wasm("(module (memory 1) " + SUM_I32_BODY + ")");

    /** Sums (ptr, n) little-endian i64 elements into an i64. */
    static final byte[] SUM_I64 = wasm("""
            (module (memory 1)
              (func (export "sum64") (param $p i32) (param $n i32) (result i64) (local $acc i64)
                (block $done (loop $next
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $acc (i64.add (local.get $acc) (i64.load (local.get $p))))
                  (local.set $p (i32.add (local.get $p) (i32.const 8)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))
                (local.get $acc)))
            """);

    /** An entry of the given body over (ptr, n) returning i32, in a module with one page of memory. */
    static byte[] entry(String body) {
        return wasm(
                "(module (memory 1) (func (export \"run\") (param $p i32) (param $n i32) (result i32) " + body + "))");
    }

    static final byte[] SPIN = entry("(loop $l (br $l)) (i32.const 0)");
}
