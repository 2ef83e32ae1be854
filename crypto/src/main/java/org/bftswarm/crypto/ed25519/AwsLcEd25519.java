package org.bftswarm.crypto.ed25519;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 through AWS-LC, reached as {@code Signature.getInstance("Ed25519", provider)} of the
 * Amazon Corretto Crypto Provider (native code, about twice Bouncy Castle's verify rate). That
 * provider has no Ed25519 {@code KeyFactory}, so keys are built by the JDK's own ({@code SunEC})
 * from the fixed DER prefixes of RFC 8410 (X.509 SubjectPublicKeyInfo, PKCS #8 PrivateKeyInfo) plus
 * the 32 raw bytes. One {@link Signature} object per thread and direction is reused for every call
 * ({@code initVerify}/{@code initSign} resets it), none per call.
 *
 * <p>AWS-LC verifies with the cofactorless equation [S]B = R + [k]A and compares R as an encoding,
 * which is the equation {@link StrictEd25519Rule} pins; that rule's pre-checks run before these
 * bytes reach the native code.
 */
final class AwsLcEd25519 implements Ed25519Provider {
    static final String NAME = "aws-lc";

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String KEY_FACTORY_PROVIDER = "SunEC";
    /**
     * The provider buffers a message before signing or verifying it and refuses more than 1 MiB; longer
     * messages go to Bouncy Castle, which gives the same signature (Ed25519 is deterministic) and, after
     * {@link StrictEd25519Rule}'s pre-checks, the same verdict.
     */
    static final int MAX_NATIVE_MESSAGE_BYTES = 1 << 20;

    private final Provider provider;
    private final ThreadLocal<Signature> signing;
    private final ThreadLocal<Signature> verifying;

    private AwsLcEd25519(Provider provider) {
        this.provider = provider;
        this.signing = ThreadLocal.withInitial(this::newSignature);
        this.verifying = ThreadLocal.withInitial(this::newSignature);
    }

    /**
     * Loads the native provider and proves it with RFC 8032 section 7.1 TEST 1 (sign byte for byte,
     * then verify). Throws IllegalStateException naming the cause when the native library, the
     * algorithm, the JDK key factory or the known answer is missing.
     */
    static AwsLcEd25519 load() {
        AmazonCorrettoCryptoProvider accp;
        try {
            accp = AmazonCorrettoCryptoProvider.INSTANCE;
        } catch (LinkageError e) {
            throw new IllegalStateException("the Amazon Corretto Crypto Provider classes did not load: " + e, e);
        }
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException("AWS-LC's native library did not load: " + loadingError, loadingError);
        }
        try {
            accp.assertHealthy();
            AwsLcEd25519 loaded = new AwsLcEd25519(accp);
            KnownAnswer.check(loaded);
            return loaded;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("AWS-LC Ed25519 is not usable: " + e, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signer signer(byte[] seed32) {
        PrivateKey key = privateKey(seed32);
        Signer longMessages = BouncyCastleEd25519.INSTANCE.signer(seed32);
        return (buf, off, len) -> {
            if (len > MAX_NATIVE_MESSAGE_BYTES) {
                return longMessages.sign(buf, off, len);
            }
            Signature signature = signing.get();
            try {
                signature.initSign(key);
                signature.update(buf, off, len);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AWS-LC failed to sign: " + e, e);
            }
        };
    }

    @Override
    public Verifier verifier(byte[] publicKey32) {
        PublicKey key = publicKey(publicKey32);
        byte[] raw = publicKey32.clone();
        return (buf, off, len, sig) -> {
            if (len > MAX_NATIVE_MESSAGE_BYTES) {
                return verifyLong(raw, buf, off, len, sig);
            }
            Signature signature = verifying.get();
            try {
                signature.initVerify(key);
                signature.update(buf, off, len);
                return signature.verify(sig);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        };
    }

    /** Bouncy Castle's verdict for a message too long for the native provider; a key it cannot parse fails. */
    private static boolean verifyLong(byte[] publicKey32, byte[] buf, int off, int len, byte[] sig) {
        try {
            return BouncyCastleEd25519.INSTANCE.verifier(publicKey32).verify(buf, off, len, sig);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Signature newSignature() {
        try {
            return Signature.getInstance("Ed25519", provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AWS-LC has no Ed25519 signature: " + e, e);
        }
    }

    private static PublicKey publicKey(byte[] raw32) {
        byte[] der = withPrefix(X509_PREFIX, raw32);
        try {
            return KeyFactory.getInstance("Ed25519", KEY_FACTORY_PROVIDER).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK cannot build this Ed25519 public key: " + e, e);
        }
    }

    private static PrivateKey privateKey(byte[] seed32) {
        byte[] der = withPrefix(PKCS8_PREFIX, seed32);
        try {
            return KeyFactory.getInstance("Ed25519", KEY_FACTORY_PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK cannot build this Ed25519 private key: " + e, e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] withPrefix(byte[] prefix, byte[] raw32) {
        byte[] der = Arrays.copyOf(prefix, prefix.length + raw32.length);
        System.arraycopy(raw32, 0, der, prefix.length, raw32.length);
        return der;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
