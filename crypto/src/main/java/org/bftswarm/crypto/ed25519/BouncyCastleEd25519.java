package org.bftswarm.crypto.ed25519;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 through Bouncy Castle's low-level RFC 8032 code (pure Java, loads everywhere): the
 * fallback where AWS-LC's native library cannot load.
 *
 * <p>Bouncy Castle's own verification equation is the cofactored one, [8][S]B = [8]R + [8][k]A,
 * while {@link StrictEd25519Rule} pins the cofactorless [S]B = R + [k]A. For a public key in the
 * prime-order subgroup (which the rule requires) the two agree exactly when R is also in that
 * subgroup: then [S]B - R - [k]A lies in the subgroup, where multiplying by 8 is invertible. So
 * an accepted signature is additionally checked to have a prime-order R; this costs one more
 * scalar multiplication, only on the accept path.
 */
final class BouncyCastleEd25519 implements Ed25519Provider {
    static final String NAME = "bouncycastle";
    static final BouncyCastleEd25519 INSTANCE = new BouncyCastleEd25519();

    private BouncyCastleEd25519() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signer signer(byte[] seed32) {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(seed32, 0);
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        return (buf, off, len) -> {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, buf, off, len, signature, 0);
            return signature;
        };
    }

    @Override
    public Verifier verifier(byte[] publicKey32) {
        Ed25519PublicKeyParameters publicKey = new Ed25519PublicKeyParameters(publicKey32, 0);
        return (buf, off, len, sig) -> {
            try {
                return publicKey.verify(Ed25519.Algorithm.Ed25519, null, buf, off, len, sig, 0)
                        && Ed25519.validatePublicKeyFull(sig, 0);
            } catch (RuntimeException e) {
                return false;
            }
        };
    }

    @Override
    public String toString() {
        return NAME;
    }
}
