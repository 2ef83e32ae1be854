package org.bftswarm.sim;

import java.util.Base64;

/**
 * The two example modules the simulation's data jobs run, as bytes, so the simulation (main code) needs
 * no file: {@code examples/wasm/sum.wasm} (exports {@code sum}, (i32, i32) -> i64 over i32 elements, and
 * the reduce function {@code larger}, (i64, i64) -> i64, the larger of two) and
 * {@code examples/wasm/sum64.wasm} (exports {@code sum64}, the same over i64 elements). Copied from the
 * committed binaries; {@code SimModulesTest} proves they are equal.
 */
final class SimModules {
    /** The bytes of {@code examples/wasm/sum.wasm}. */
    private static final byte[] SUM = {
        0, 97, 115, 109, 1, 0, 0, 0, 1, 13, 2, 96, 2, 127, 127, 1, 126, 96, 2, 126, 126, 1, 126, 3, 3, 2, 0, 1, 5, 3, 1,
        0, 1, 7, 16, 2, 3, 115, 117, 109, 0, 0, 6, 108, 97, 114, 103, 101, 114, 0, 1, 10, 59, 2, 44, 1, 1, 126, 2, 64,
        3, 64, 32, 1, 69, 13, 1, 32, 2, 32, 0, 40, 2, 0, -84, 124, 33, 2, 32, 0, 65, 4, 106, 33, 0, 32, 1, 65, 1, 107,
        33, 1, 12, 0, 11, 11, 32, 2, 11, 12, 0, 32, 0, 32, 1, 32, 0, 32, 1, 85, 27, 11
    };

    /** The bytes of {@code examples/wasm/sum64.wasm}. */
    private static final byte[] SUM64 = {
        0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 126, 3, 2, 1, 0, 5, 3, 1, 0, 1, 7, 9, 1, 5, 115, 117,
        109, 54, 52, 0, 0, 10, 45, 1, 43, 1, 1, 126, 2, 64, 3, 64, 32, 1, 69, 13, 1, 32, 2, 32, 0, 41, 3, 0, 124, 33, 2,
        32, 0, 65, 8, 106, 33, 0, 32, 1, 65, 1, 107, 33, 1, 12, 0, 11, 11, 32, 2, 11
    };

    static final String SUM_BASE64 = Base64.getEncoder().encodeToString(SUM);
    static final String SUM64_BASE64 = Base64.getEncoder().encodeToString(SUM64);

    private SimModules() {}

    static byte[] sum() {
        return SUM.clone();
    }

    static byte[] sum64() {
        return SUM64.clone();
    }
}
