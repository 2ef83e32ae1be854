package org.bftswarm.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (RFC 8032 section 5.1): the 32-byte seed from which the signing scalar
 * and prefix are derived (section 5.1.5). Signing is pure Ed25519 (no context, no prehash),
 * deterministic (section 5.1.6) and thread-safe: Bouncy Castle's low-level key parameters hold no
 * mutable per-call state, and this is exactly the call {@code Ed25519Signer.generateSignature}
 * makes, without that signer's internal message buffer.
 */
public final class SigningKey {
    /** Seed length in bytes (RFC 8032 section 5.1.5). */
    public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    /** Signature length in bytes (RFC 8032 section 5.1.6). */
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;
    private final VerifyingKey verifyingKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
        this.verifyingKey = VerifyingKey.of(publicKey.getEncoded());
    }

    /** A fresh key whose 32-byte seed is drawn from {@code random}. */
    public static SigningKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /** The key for a 32-byte seed (a copy is kept); throws IllegalArgumentException on a wrong length. */
    public static SigningKey fromSeed(byte[] seed32) {
        if (seed32 == null || seed32.length != SEED_LENGTH) {
            throw new IllegalArgumentException(
                    "an Ed25519 seed is " + SEED_LENGTH + " bytes, got " + (seed32 == null ? "null" : seed32.length));
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed32, 0));
    }

    /** A copy of the 32-byte seed. Handle with care: it is the whole secret. */
    public byte[] seed() {
        return privateKey.getEncoded();
    }

    /** The matching public key. */
    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** The 64-byte Ed25519 signature of all of {@code msg}. */
    public byte[] sign(byte[] msg) {
        return sign(msg, 0, msg.length);
    }

    /** The 64-byte Ed25519 signature of {@code buf[off, off+len)}. */
    public byte[] sign(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        byte[] signature = new byte[SIGNATURE_LENGTH];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, buf, off, len, signature, 0);
        return signature;
    }

    /** Never prints the seed. */
    @Override
    public String toString() {
        return "SigningKey[public=" + verifyingKey.hex() + "]";
    }
}
