package org.bftswarm.crypto;

import java.util.HexFormat;
import java.util.Optional;

/** Ed25519 signatures as text: 128 lowercase hex digits; anything else is no signature. */
public final class SignatureHex {
    private SignatureHex() {}

    public static String encode(byte[] signature) {
        return HexFormat.of().formatHex(signature);
    }

    /** The 64 signature bytes, or empty when {@code hex} is not 128 hex digits. */
    public static Optional<byte[]> decode(String hex) {
        if (hex == null || hex.length() != 2 * SigningKey.SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
