package org.bftswarm.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One suite run against every {@link Ed25519Provider}: each must give the verdict {@link
 * StrictEd25519Rule} requires on every vector of {@link EdgeCaseVectors}, and sign the RFC 8032
 * vectors byte for byte. Since every subclass is held to the same expected verdicts, a provider that
 * disagrees with another fails its own subclass.
 */
abstract class Ed25519ProviderContract {
    private static final HexFormat HEX = HexFormat.of();

    abstract Ed25519Provider provider();

    static Stream<VerdictVector> vectors() {
        return EdgeCaseVectors.all().stream();
    }

    static Stream<Arguments> rfcVectors() {
        return EdgeCaseVectors.RFC8032.stream().map(t -> Arguments.of(t[0], t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorGetsTheVerdictOfTheStrictRule(VerdictVector vector) {
        assertThat(Verdicts.of(provider(), vector))
                .as("%s on %s", provider().name(), vector)
                .isEqualTo(vector.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcVectors")
    void rfcVectorsSignByteForByteAndVerifyThroughSlices(String name, String[] t) {
        SigningKey key = SigningKey.fromSeed(HEX.parseHex(t[1]), provider());
        assertThat(key.verifyingKey().hex()).isEqualTo(t[2]);
        byte[] msg = HEX.parseHex(t[3]);
        assertThat(HEX.formatHex(key.sign(msg))).isEqualTo(t[4]);
        byte[] padded = new byte[msg.length + 9];
        System.arraycopy(msg, 0, padded, 4, msg.length);
        assertThat(HEX.formatHex(key.sign(padded, 4, msg.length))).isEqualTo(t[4]);
        VerifyingKey verifier = VerifyingKey.of(HEX.parseHex(t[2]), provider());
        assertThat(verifier.verify(padded, 4, msg.length, HEX.parseHex(t[4]))).isTrue();
        assertThat(verifier.verify(padded, 4, msg.length + 1, HEX.parseHex(t[4])))
                .isFalse();
    }

    @Test
    void theSuiteCoversEveryClauseOfTheRule() {
        List<String> names = vectors().map(VerdictVector::name).toList();
        assertThat(names)
                .anyMatch(n -> n.startsWith("S + L"))
                .anyMatch(n -> n.startsWith("non-canonical R"))
                .anyMatch(n -> n.startsWith("non-canonical A"))
                .anyMatch(n -> n.startsWith("small-order A"))
                .anyMatch(n -> n.startsWith("small-order R"))
                .anyMatch(n -> n.startsWith("mixed-order A"))
                .anyMatch(n -> n.startsWith("mixed-order R"));
    }

    @Test
    void malformedInputFailsWithoutThrowing() {
        SigningKey key = SigningKey.fromSeed(new byte[32], provider());
        VerifyingKey verifier = key.verifyingKey();
        byte[] sig = key.sign(new byte[] {1, 2, 3});
        assertThat(verifier.verify(new byte[] {1, 2, 3}, sig)).isTrue();
        assertThat(verifier.verify(null, sig)).isFalse();
        assertThat(verifier.verify(new byte[] {1, 2, 3}, null)).isFalse();
        assertThat(verifier.verify(new byte[] {1, 2, 3}, new byte[63])).isFalse();
        assertThat(verifier.verify(new byte[] {1, 2, 3}, new byte[64])).isFalse();
        assertThat(verifier.verify(new byte[] {1, 2, 3}, 2, 5, sig)).isFalse();
    }

    @Test
    void messagesLongerThanAMebibyteSignAndVerifyLikeShortOnes() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        byte[] message = new byte[(3 << 20) + 17];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 31);
        }
        SigningKey key = SigningKey.fromSeed(seed, provider());
        byte[] sig = key.sign(message);
        SigningKey reference = SigningKey.fromSeed(seed, BouncyCastleEd25519.INSTANCE);
        assertThat(sig)
                .as("Ed25519 is deterministic: the same bytes as Bouncy Castle")
                .isEqualTo(reference.sign(message));
        assertThat(key.verifyingKey().verify(message, sig)).isTrue();
        message[message.length / 2] ^= 1;
        assertThat(key.verifyingKey().verify(message, sig)).isFalse();
    }
}
