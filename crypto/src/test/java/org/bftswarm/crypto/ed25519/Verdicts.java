package org.bftswarm.crypto.ed25519;

import org.bftswarm.crypto.VerifyingKey;

/** The production verdict of a provider: admit the key, then verify through {@link VerifyingKey}. */
final class Verdicts {
    private Verdicts() {}

    static boolean of(Ed25519Provider provider, byte[] publicKey, byte[] message, byte[] signature) {
        VerifyingKey key;
        try {
            key = VerifyingKey.of(publicKey, provider);
        } catch (IllegalArgumentException notAdmitted) {
            return false;
        }
        return key.verify(message, signature);
    }

    static boolean of(Ed25519Provider provider, VerdictVector v) {
        return of(provider, v.publicKey(), v.message(), v.signature());
    }

    /** AWS-LC, or a loud failure: this module's tests run where it loads (x86_64 Linux). */
    static Ed25519Provider awsLc() {
        return Ed25519Providers.nativeProvider()
                .orElseThrow(() -> new AssertionError("AWS-LC did not load, so its contract cannot be checked: "
                        + Ed25519Providers.nativeUnavailableReason().orElse("?")));
    }
}
