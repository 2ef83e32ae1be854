package org.bftswarm.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key: the 32-byte encoded point A of RFC 8032 section 5.1.5, checked to decode
 * to a curve point on construction (section 5.1.3). Verification follows section 5.1.7 (pure
 * Ed25519, no context), is thread-safe, and never throws: any malformed input simply fails to
 * verify. Value equality on the encoded bytes.
 */
public final class VerifyingKey implements Comparable<VerifyingKey> {
    /** Encoded public key length in bytes. */
    public static final int LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    private final byte[] raw;
    private final Ed25519PublicKeyParameters publicKey;

    private VerifyingKey(byte[] raw, Ed25519PublicKeyParameters publicKey) {
        this.raw = raw;
        this.publicKey = publicKey;
    }

    /**
     * The key with these 32 encoded bytes (copied). Throws IllegalArgumentException when the length
     * is wrong or the bytes do not decode to a point on Ed25519.
     */
    public static VerifyingKey of(byte[] raw32) {
        if (raw32 == null || raw32.length != LENGTH) {
            throw new IllegalArgumentException(
                    "an Ed25519 public key is " + LENGTH + " bytes, got " + (raw32 == null ? "null" : raw32.length));
        }
        byte[] copy = raw32.clone();
        try {
            return new VerifyingKey(copy, new Ed25519PublicKeyParameters(copy, 0));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a valid Ed25519 public key: " + HexFormat.of().formatHex(copy), e);
        }
    }

    /** Parses 64 hex characters; throws IllegalArgumentException on bad hex or an invalid key. */
    public static VerifyingKey fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is " + 2 * LENGTH + " hex characters");
        }
        return of(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 32 encoded bytes. */
    public byte[] bytes() {
        return raw.clone();
    }

    /** Lower-case hex of the encoded key. */
    public String hex() {
        return HexFormat.of().formatHex(raw);
    }

    /** True iff {@code sig} is a valid signature of all of {@code msg}; false on any malformed input. */
    public boolean verify(byte[] msg, byte[] sig) {
        return msg != null && verify(msg, 0, msg.length, sig);
    }

    /** True iff {@code sig} is a valid signature of {@code buf[off, off+len)}; false on any malformed input. */
    public boolean verify(byte[] buf, int off, int len, byte[] sig) {
        if (buf == null
                || sig == null
                || sig.length != SigningKey.SIGNATURE_LENGTH
                || off < 0
                || len < 0
                || off > buf.length - len) {
            return false;
        }
        try {
            return publicKey.verify(Ed25519.Algorithm.Ed25519, null, buf, off, len, sig, 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int compareTo(VerifyingKey other) {
        return Arrays.compareUnsigned(raw, other.raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && Arrays.equals(raw, k.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + hex() + "]";
    }
}
