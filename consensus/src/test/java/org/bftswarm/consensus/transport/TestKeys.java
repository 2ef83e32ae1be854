package org.bftswarm.consensus.transport;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/** Deterministic test keys: principal id i gets the seed filled with byte (i + 1). */
final class TestKeys {
    private TestKeys() {}

    static SigningKey key(int principal) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (principal + 1));
        return SigningKey.fromSeed(seed);
    }

    static KeyRegistry registry(int... principals) {
        Map<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int p : principals) {
            keys.put(p, key(p).verifyingKey());
        }
        return KeyRegistry.of(keys);
    }
}
