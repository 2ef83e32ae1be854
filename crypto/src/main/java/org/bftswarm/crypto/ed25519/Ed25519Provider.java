package org.bftswarm.crypto.ed25519;

/**
 * One implementation of pure Ed25519 (RFC 8032 section 5.1: no context, no prehash) behind the
 * crypto module's {@code SigningKey} and {@code VerifyingKey}. Two exist: AWS-LC through the Amazon
 * Corretto Crypto Provider ({@value AwsLcEd25519#NAME}) and Bouncy Castle's pure-Java code
 * ({@value BouncyCastleEd25519#NAME}); {@link Ed25519Providers} picks one per process.
 *
 * <p>A provider computes; it does not decide which inputs are admissible. {@code VerifyingKey}
 * applies {@link StrictEd25519Rule} to the key once and to every signature before a provider sees
 * the bytes, so that every replica reaches the same verdict whichever provider it runs. What a
 * provider must do on admitted input is the cofactorless equation of that rule: accept iff
 * [S]B = R + [k]A with R compared as an encoding. Keys, signatures and verdicts are
 * byte-for-byte the same across providers (signing is deterministic, section 5.1.6).
 */
public interface Ed25519Provider {
    /** Short stable name for logs and status lines: {@code aws-lc} or {@code bouncycastle}. */
    String name();

    /** The signer of the key with this 32-byte seed (section 5.1.5); the seed is not retained by reference. */
    Signer signer(byte[] seed32);

    /**
     * The verifier for this 32-byte public key, which the caller has already admitted with {@link
     * StrictEd25519Rule#admitsPublicKey}; throws IllegalArgumentException if the provider cannot use it.
     */
    Verifier verifier(byte[] publicKey32);

    /** Signs with one key; thread-safe. */
    interface Signer {
        /** The 64-byte signature of {@code buf[off, off+len)}; the range is checked by the caller. */
        byte[] sign(byte[] buf, int off, int len);
    }

    /** Verifies for one key; thread-safe and never throws on bad input. */
    interface Verifier {
        /**
         * The provider's verdict on the 64-byte {@code sig} over {@code buf[off, off+len)}. Callers pass
         * only signatures admitted by {@link StrictEd25519Rule#admitsSignature}.
         */
        boolean verify(byte[] buf, int off, int len, byte[] sig);
    }
}
