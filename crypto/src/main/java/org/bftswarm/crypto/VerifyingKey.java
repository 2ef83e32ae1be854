package org.bftswarm.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bftswarm.crypto.ed25519.Ed25519Provider;
import org.bftswarm.crypto.ed25519.Ed25519Providers;
import org.bftswarm.crypto.ed25519.StrictEd25519Rule;

/**
 * An Ed25519 public key: the 32-byte encoded point A of RFC 8032 section 5.1.5, admitted on
 * construction by {@link StrictEd25519Rule} (canonical, on the curve, in the prime-order subgroup,
 * not of small order). Verification follows section 5.1.7 (pure Ed25519, no context) under that
 * rule: every signature passes the rule's byte checks before the provider ({@link
 * Ed25519Providers#active()} unless one is named) sees it, so all providers agree on every verdict.
 * Thread-safe, never throws on bad input: any malformed input simply fails to verify. Value
 * equality on the encoded bytes, whichever provider verifies.
 */
public final class VerifyingKey implements Comparable<VerifyingKey> {
    /** Encoded public key length in bytes. */
    public static final int LENGTH = StrictEd25519Rule.ENCODED_LENGTH;

    private final byte[] raw;
    private final Ed25519Provider.Verifier verifier;

    private VerifyingKey(byte[] raw, Ed25519Provider.Verifier verifier) {
        this.raw = raw;
        this.verifier = verifier;
    }

    /**
     * The key with these 32 encoded bytes (copied), verified by the active provider. Throws
     * IllegalArgumentException when the length is wrong or the rule does not admit the key.
     */
    public static VerifyingKey of(byte[] raw32) {
        return of(raw32, Ed25519Providers.active());
    }

    /** As {@link #of(byte[])}, verified by {@code provider} (benches and contract tests name one). */
    public static VerifyingKey of(byte[] raw32, Ed25519Provider provider) {
        Objects.requireNonNull(provider, "provider");
        if (raw32 == null || raw32.length != LENGTH) {
            throw new IllegalArgumentException(
                    "an Ed25519 public key is " + LENGTH + " bytes, got " + (raw32 == null ? "null" : raw32.length));
        }
        byte[] copy = raw32.clone();
        if (!StrictEd25519Rule.admitsPublicKey(copy, 0)) {
            throw new IllegalArgumentException("not an admissible Ed25519 public key (off the curve, non-canonical,"
                    + " or of small or mixed order): " + HexFormat.of().formatHex(copy));
        }
        try {
            return new VerifyingKey(copy, provider.verifier(copy));
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
        // the rule and the provider read one private copy, so both judge the same bytes
        byte[] signature = sig.clone();
        if (!StrictEd25519Rule.admitsSignature(signature, 0)) {
            return false;
        }
        try {
            return verifier.verify(buf, off, len, signature);
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
