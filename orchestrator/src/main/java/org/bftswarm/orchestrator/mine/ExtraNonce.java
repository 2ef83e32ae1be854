package org.bftswarm.orchestrator.mine;

import org.bftswarm.crypto.Invariants;

/**
 * Rolling the extra-nonce once a header's 2^32 nonces are spent: round {@code k} = 0 uses the merkle
 * root as given; round {@code k} > 0 uses SHA-256(SHA-256(root || k as 8 bytes little-endian)), with
 * the root in internal byte order. Every node derives the same root for the same round.
 */
public final class ExtraNonce {
    private ExtraNonce() {}

    /** The merkle root (internal order) of round {@code k} over {@code root} (internal order). */
    public static byte[] merkleRoot(byte[] root, long k) {
        Invariants.check(root.length == 32 && k >= 0, "extra-nonce round %s over a %s-byte root", k, root.length);
        if (k == 0) {
            return root.clone();
        }
        byte[] b = new byte[40];
        System.arraycopy(root, 0, b, 0, 32);
        for (int i = 0; i < 8; i++) {
            b[32 + i] = (byte) (k >>> (8 * i));
        }
        return BlockHeader.sha256d(b);
    }
}
