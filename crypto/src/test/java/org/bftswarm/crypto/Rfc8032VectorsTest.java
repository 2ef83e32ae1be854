package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer tests: RFC 8032 section 7.1, Ed25519 TEST 1, TEST 2, TEST 3 and TEST 1024. */
class Rfc8032VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(
                        "TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of(
                        "TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of(
                        "TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
                Arguments.of(
                        "TEST 1024",
                        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
                        Rfc8032Test1024Message.HEX,
                        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void seedDerivesTheRfcPublicKey(String name, String seed, String publicKey, String message, String signature) {
        assertThat(SigningKey.fromSeed(HEX.parseHex(seed)).verifyingKey().hex()).isEqualTo(publicKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signingProducesTheRfcSignatureByteForByte(
            String name, String seed, String publicKey, String message, String signature) {
        byte[] sig = SigningKey.fromSeed(HEX.parseHex(seed)).sign(HEX.parseHex(message));
        assertThat(HEX.formatHex(sig)).isEqualTo(signature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rfcSignatureVerifiesAndFailsForAnyOtherMessage(
            String name, String seed, String publicKey, String message, String signature) {
        VerifyingKey key = VerifyingKey.fromHex(publicKey);
        byte[] msg = HEX.parseHex(message);
        byte[] sig = HEX.parseHex(signature);
        assertThat(key.verify(msg, sig)).isTrue();
        byte[] longer = Arrays.copyOf(msg, msg.length + 1);
        assertThat(key.verify(longer, sig)).isFalse();
        if (msg.length > 0) {
            msg[msg.length - 1] ^= 1;
            assertThat(key.verify(msg, sig)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signingASliceEqualsSigningTheCopiedMessage(
            String name, String seed, String publicKey, String message, String signature) {
        byte[] msg = HEX.parseHex(message);
        byte[] padded = new byte[msg.length + 7];
        System.arraycopy(msg, 0, padded, 3, msg.length);
        SigningKey key = SigningKey.fromSeed(HEX.parseHex(seed));
        assertThat(HEX.formatHex(key.sign(padded, 3, msg.length))).isEqualTo(signature);
        assertThat(key.verifyingKey().verify(padded, 3, msg.length, HEX.parseHex(signature)))
                .isTrue();
    }

    @Test
    void test1024MessageIs1023Bytes() {
        assertThat(HEX.parseHex(Rfc8032Test1024Message.HEX)).hasSize(1023);
    }
}
