package org.bftswarm.crypto.ed25519;

import java.util.HexFormat;

/** One (A, M, signature) triple with the verdict {@link StrictEd25519Rule} requires of every provider. */
record VerdictVector(String name, byte[] publicKey, byte[] message, byte[] signature, boolean valid) {
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return name + " (A=" + hex.formatHex(publicKey) + " sig=" + hex.formatHex(signature) + ")";
    }
}
