package org.bftswarm.crypto;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Deterministic keys for tests: principal i's seed is 32 bytes of value i+1. */
final class TestKeys {
    private TestKeys() {}

    static SigningKey key(int principal) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (principal + 1));
        seed[0] = (byte) (principal >>> 8);
        return SigningKey.fromSeed(seed);
    }

    /** Registry of nodes 0..n-1. */
    static KeyRegistry registry(int n) {
        Map<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            keys.put(i, key(i).verifyingKey());
        }
        return KeyRegistry.of(keys);
    }
}
