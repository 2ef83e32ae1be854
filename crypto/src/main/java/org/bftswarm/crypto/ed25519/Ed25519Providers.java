package org.bftswarm.crypto.ed25519;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 provider of this process, chosen once on first use.
 *
 * <p>The system property {@value #PROPERTY} selects it: {@code native} forces AWS-LC (and fails
 * loudly if it cannot load), {@code bc} forces Bouncy Castle, and {@code auto} (the default, also
 * when the property is absent) takes AWS-LC when its native library loads and Bouncy Castle
 * otherwise, logging that fallback once at WARN. Set it on the command line
 * ({@code -Dbftswarm.crypto=bc}) or before any key is built; {@link #activeName()} tells status
 * pages which one runs. Both providers give the same signatures and, behind {@link
 * StrictEd25519Rule}, the same verdicts.
 */
public final class Ed25519Providers {
    /** System property naming the provider: {@code auto}, {@code native} or {@code bc}. */
    public static final String PROPERTY = "bftswarm.crypto";

    private static final Logger LOG = LoggerFactory.getLogger(Ed25519Providers.class);

    private Ed25519Providers() {}

    /** The provider every {@code SigningKey} and {@code VerifyingKey} of this process uses by default. */
    public static Ed25519Provider active() {
        return Active.PROVIDER;
    }

    /** {@code aws-lc} or {@code bouncycastle}: the active provider's name, for status lines. */
    public static String activeName() {
        return active().name();
    }

    /** Bouncy Castle, which always loads. */
    public static Ed25519Provider bouncyCastle() {
        return BouncyCastleEd25519.INSTANCE;
    }

    /** AWS-LC, when its native library loaded on this machine and passed its self-test. */
    public static Optional<Ed25519Provider> nativeProvider() {
        return Optional.ofNullable(Native.PROVIDER);
    }

    /** Why AWS-LC is not available, when it is not. */
    public static Optional<String> nativeUnavailableReason() {
        return Optional.ofNullable(Native.FAILURE).map(Throwable::getMessage);
    }

    /** The provider a choice names; {@code NATIVE} throws IllegalStateException when AWS-LC cannot load. */
    public static Ed25519Provider forChoice(ProviderChoice choice) {
        return switch (choice) {
            case BC -> bouncyCastle();
            case NATIVE ->
                nativeProvider()
                        .orElseThrow(() -> new IllegalStateException(
                                PROPERTY + "=native but " + Native.FAILURE.getMessage(), Native.FAILURE));
            case AUTO -> nativeProvider().orElseGet(Ed25519Providers::bouncyCastle);
        };
    }

    private static Ed25519Provider chooseOnce() {
        ProviderChoice choice = ProviderChoice.parse(System.getProperty(PROPERTY));
        Ed25519Provider chosen = forChoice(choice);
        if (choice == ProviderChoice.AUTO && Native.PROVIDER == null) {
            LOG.warn(
                    "Ed25519 falls back to Bouncy Castle (about half AWS-LC's verify rate): {}",
                    Native.FAILURE.getMessage());
        }
        return chosen;
    }

    private static final class Native {
        static final Ed25519Provider PROVIDER;
        static final Throwable FAILURE;

        static {
            Ed25519Provider provider = null;
            Throwable failure = null;
            try {
                provider = AwsLcEd25519.load();
            } catch (RuntimeException | LinkageError e) {
                failure = e;
            }
            PROVIDER = provider;
            FAILURE = failure;
        }
    }

    private static final class Active {
        static final Ed25519Provider PROVIDER = chooseOnce();
    }
}
