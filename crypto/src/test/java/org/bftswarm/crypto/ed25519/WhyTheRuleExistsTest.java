package org.bftswarm.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * Without {@link StrictEd25519Rule} the two libraries disagree: these tests feed the same crafted
 * vectors to the raw libraries and pin the disagreement, so the contract tests are known to have
 * teeth (a provider that skipped the rule would fail them).
 */
class WhyTheRuleExistsTest {
    @Test
    void rawAwsLcAcceptsASmallOrderKeyThatRawBouncyCastleRejects() {
        VerdictVector v = named("small-order A = [0]T8");
        Ed25519Provider.Verifier rawNative = Verdicts.awsLc().verifier(v.publicKey());
        assertThat(rawNative.verify(v.message(), 0, v.message().length, v.signature()))
                .isTrue();
        assertThat(Ed25519.verify(v.signature(), 0, v.publicKey(), 0, v.message(), 0, v.message().length))
                .isFalse();
    }

    @Test
    void rawBouncyCastleIsCofactoredAndAcceptsAMixedOrderRThatAwsLcRejects() {
        VerdictVector v = named("mixed-order R = [r]B + [1]T8");
        assertThat(new Ed25519PublicKeyParameters(v.publicKey(), 0)
                        .verify(Ed25519.Algorithm.Ed25519, null, v.message(), 0, v.message().length, v.signature(), 0))
                .isTrue();
        Ed25519Provider.Verifier rawNative = Verdicts.awsLc().verifier(v.publicKey());
        assertThat(rawNative.verify(v.message(), 0, v.message().length, v.signature()))
                .isFalse();
        Ed25519Provider.Verifier bcProvider = Ed25519Providers.bouncyCastle().verifier(v.publicKey());
        assertThat(bcProvider.verify(v.message(), 0, v.message().length, v.signature()))
                .isFalse();
    }

    @Test
    void rawAwsLcAcceptsTheIdentityAsRWhenTheEquationHolds() {
        VerdictVector v = named("small-order R = identity");
        Ed25519Provider.Verifier rawNative = Verdicts.awsLc().verifier(v.publicKey());
        assertThat(rawNative.verify(v.message(), 0, v.message().length, v.signature()))
                .isTrue();
        assertThat(Verdicts.of(Verdicts.awsLc(), v)).isFalse();
    }

    private static VerdictVector named(String prefix) {
        return EdgeCaseVectors.all().stream()
                .filter(v -> v.name().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }
}
