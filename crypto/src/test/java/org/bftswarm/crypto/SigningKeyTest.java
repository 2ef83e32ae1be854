package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ed25519 key behaviour (RFC 8032 section 5.1): seeds, determinism, thread safety, total verification. */
class SigningKeyTest {
    private final SigningKey key = TestKeys.key(0);
    private final byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void seedRoundTripGivesTheSameKey() {
        SigningKey generated = SigningKey.generate(new SecureRandom());
        SigningKey again = SigningKey.fromSeed(generated.seed());
        assertThat(again.verifyingKey()).isEqualTo(generated.verifyingKey());
        assertThat(again.sign(msg)).isEqualTo(generated.sign(msg));
    }

    @Test
    void generatedKeysDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(SigningKey.generate(random).verifyingKey())
                .isNotEqualTo(SigningKey.generate(random).verifyingKey());
    }

    @Test
    void fromSeedRefusesWrongLengths() {
        assertThatThrownBy(() -> SigningKey.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromSeed(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromSeed(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signatureIs64BytesDeterministicAndVerifiesOnlyUnderItsKey() {
        byte[] sig = key.sign(msg);
        assertThat(sig).hasSize(64).isEqualTo(key.sign(msg));
        assertThat(key.verifyingKey().verify(msg, sig)).isTrue();
        assertThat(TestKeys.key(1).verifyingKey().verify(msg, sig)).isFalse();
    }

    @Test
    void verifyReturnsFalseAndNeverThrowsOnMalformedArguments() {
        VerifyingKey vk = key.verifyingKey();
        byte[] sig = key.sign(msg);
        assertThat(vk.verify(msg, null)).isFalse();
        assertThat(vk.verify(null, sig)).isFalse();
        assertThat(vk.verify(msg, new byte[63])).isFalse();
        assertThat(vk.verify(msg, new byte[65])).isFalse();
        assertThat(vk.verify(msg, new byte[64])).isFalse();
        byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThat(vk.verify(msg, allOnes)).isFalse();
        assertThat(vk.verify(msg, -1, 2, sig)).isFalse();
        assertThat(vk.verify(msg, 0, msg.length + 1, sig)).isFalse();
        assertThat(vk.verify(msg, 3, Integer.MAX_VALUE, sig)).isFalse();
        assertThat(vk.verify(msg, 0, -1, sig)).isFalse();
    }

    @Test
    void verifyingKeyRefusesBytesThatAreNotACurvePointOrWrongLength() {
        assertThatThrownBy(() -> VerifyingKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        // y = 2 is not the y-coordinate of any Ed25519 point
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> VerifyingKey.of(notAPoint)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifyingKeysHaveValueEqualityAndHexRoundTrip() {
        VerifyingKey vk = key.verifyingKey();
        assertThat(VerifyingKey.of(vk.bytes())).isEqualTo(vk).hasSameHashCodeAs(vk);
        assertThat(VerifyingKey.fromHex(vk.hex())).isEqualTo(vk);
        assertThat(key.toString()).doesNotContain(HexFormat.of().formatHex(key.seed()));
    }

    @Test
    void concurrentSigningAndVerifyingFromManyThreadsGiveTheSingleThreadedResults() throws Exception {
        byte[][] messages = new byte[64][];
        byte[][] expected = new byte[64][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = new byte[] {(byte) i, 1, 2, 3};
            expected[i] = key.sign(messages[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    boolean allGood = true;
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < messages.length; i++) {
                            byte[] sig = key.sign(messages[i]);
                            allGood &= Arrays.equals(sig, expected[i]);
                            allGood &= key.verifyingKey().verify(messages[i], sig);
                        }
                    }
                    return allGood;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
