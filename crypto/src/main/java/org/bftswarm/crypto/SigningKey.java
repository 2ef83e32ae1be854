package org.bftswarm.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bftswarm.crypto.ed25519.Ed25519Provider;
import org.bftswarm.crypto.ed25519.Ed25519Providers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 private key (RFC 8032 section 5.1): the 32-byte seed from which the signing scalar
 * and prefix are derived (section 5.1.5). Signing is pure Ed25519 (no context, no prehash),
 * deterministic (section 5.1.6), so every provider gives the same 64 bytes, and thread-safe. The
 * public key is always derived by Bouncy Castle's code; signing goes to {@link
 * Ed25519Providers#active()} unless a provider is named.
 */
public final class SigningKey {
    /** Seed length in bytes (RFC 8032 section 5.1.5). */
    public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    /** Signature length in bytes (RFC 8032 section 5.1.6). */
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifyingKey verifyingKey;
    private final Ed25519Provider.Signer signer;

    private SigningKey(Ed25519PrivateKeyParameters privateKey, Ed25519Provider provider) {
        this.privateKey = privateKey;
        this.verifyingKey = VerifyingKey.of(privateKey.generatePublicKey().getEncoded(), provider);
        byte[] seed = privateKey.getEncoded();
        this.signer = provider.signer(seed);
        Arrays.fill(seed, (byte) 0);
    }

    /** A fresh key whose 32-byte seed is drawn from {@code random}. */
    public static SigningKey generate(SecureRandom random) {
        return generate(random, Ed25519Providers.active());
    }

    /** As {@link #generate(SecureRandom)}, signing and verifying through {@code provider}. */
    public static SigningKey generate(SecureRandom random, Ed25519Provider provider) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(provider, "provider");
        return new SigningKey(new Ed25519PrivateKeyParameters(random), provider);
    }

    /** The key for a 32-byte seed (a copy is kept); throws IllegalArgumentException on a wrong length. */
    public static SigningKey fromSeed(byte[] seed32) {
        return fromSeed(seed32, Ed25519Providers.active());
    }

    /** As {@link #fromSeed(byte[])}, signing and verifying through {@code provider}. */
    public static SigningKey fromSeed(byte[] seed32, Ed25519Provider provider) {
        Objects.requireNonNull(provider, "provider");
        if (seed32 == null || seed32.length != SEED_LENGTH) {
            throw new IllegalArgumentException(
                    "an Ed25519 seed is " + SEED_LENGTH + " bytes, got " + (seed32 == null ? "null" : seed32.length));
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed32, 0), provider);
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
        byte[] signature = signer.sign(buf, off, len);
        Invariants.check(
                signature.length == SIGNATURE_LENGTH, "Ed25519 signature of %d bytes, not 64", signature.length);
        return signature;
    }

    /** Never prints the seed. */
    @Override
    public String toString() {
        return "SigningKey[public=" + verifyingKey.hex() + "]";
    }
}
