package org.bftswarm.state;

import java.util.Arrays;
import java.util.TreeMap;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/** Deterministic node keys for tests: node i's seed is 32 bytes of value i+1. */
public final class TestKeys {
    private TestKeys() {}

    public static SigningKey key(int node) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (node + 1));
        return SigningKey.fromSeed(seed);
    }

    /** Registry holding the keys of nodes 0..n-1. */
    public static KeyRegistry registry(int n) {
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            keys.put(i, key(i).verifyingKey());
        }
        return KeyRegistry.of(keys);
    }
}
