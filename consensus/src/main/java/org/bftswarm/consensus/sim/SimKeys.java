package org.bftswarm.consensus.sim;

import java.util.concurrent.ConcurrentHashMap;
import org.bftswarm.crypto.SigningKey;

/** Deterministic Ed25519 keys of simulated principals (seeded by principal id; test use only). */
final class SimKeys {
    private static final ConcurrentHashMap<Integer, SigningKey> KEYS = new ConcurrentHashMap<>();

    private SimKeys() {}

    static SigningKey key(int principal) {
        return KEYS.computeIfAbsent(principal, p -> {
            byte[] seed = new byte[32];
            for (int i = 0; i < 4; i++) {
                seed[i] = (byte) (p >>> (24 - 8 * i));
            }
            seed[31] = 0x5A;
            return SigningKey.fromSeed(seed);
        });
    }
}
