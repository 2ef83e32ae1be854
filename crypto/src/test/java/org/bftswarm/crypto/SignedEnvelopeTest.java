package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Signed envelopes: canonical encoding, tamper evidence, domain separation by swarm and type. */
class SignedEnvelopeTest {
    private static final String SWARM = "alpha";
    private final KeyRegistry registry = TestKeys.registry(4);
    private final EnvelopeVerifier verifier = new EnvelopeVerifier(SWARM, registry);
    private final byte[] payload = "pre-prepare v=0 n=1".getBytes(StandardCharsets.UTF_8);
    private final SignedEnvelope envelope = SignedEnvelope.sign(SWARM, 7, 2, payload, TestKeys.key(2));

    @Test
    void encodedEnvelopeVerifiesAndDecodesToTheSameFields() {
        VerifyOutcome outcome = verifier.verify(envelope.encode());
        assertThat(outcome).isInstanceOf(VerifyOutcome.Ok.class);
        SignedEnvelope decoded = ((VerifyOutcome.Ok) outcome).envelope();
        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.swarm()).isEqualTo(SWARM);
        assertThat(decoded.type()).isEqualTo(7);
        assertThat(decoded.sender()).isEqualTo(2);
        assertThat(decoded.payload()).isEqualTo(payload);
        assertThat(decoded.encode()).isEqualTo(envelope.encode());
    }

    @Test
    void emptyPayloadAndNonAsciiSwarmRoundTrip() {
        SignedEnvelope e = SignedEnvelope.sign("rój-Ωμέγα", -5, 0, new byte[0], TestKeys.key(0));
        VerifyOutcome outcome = new EnvelopeVerifier("rój-Ωμέγα", registry).verify(e.encode());
        assertThat(outcome).isEqualTo(new VerifyOutcome.Ok(e));
    }

    @Test
    void everySingleByteTamperOfTheEncodingIsRejected() {
        byte[] encoded = envelope.encode();
        for (int pos = 0; pos < encoded.length; pos++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] tampered = encoded.clone();
                tampered[pos] ^= (byte) mask;
                VerifyOutcome outcome = verifier.verify(tampered);
                assertThat(outcome.isOk())
                        .as("flip 0x%02x at position %d gave %s", mask, pos, outcome)
                        .isFalse();
            }
        }
    }

    @Test
    void everyTruncationAndAnyTrailingByteIsMalformed() {
        byte[] encoded = envelope.encode();
        for (int len = 0; len < encoded.length; len++) {
            assertThat(verifier.verify(Arrays.copyOf(encoded, len))).isInstanceOf(VerifyOutcome.Malformed.class);
        }
        assertThat(verifier.verify(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(VerifyOutcome.Malformed.class);
        assertThat(verifier.verify(null)).isInstanceOf(VerifyOutcome.Malformed.class);
    }

    @Test
    void envelopeOfAnotherSwarmIsWrongSwarm() {
        SignedEnvelope other = SignedEnvelope.sign("beta", 7, 2, payload, TestKeys.key(2));
        assertThat(verifier.verify(other.encode())).isEqualTo(new VerifyOutcome.WrongSwarm("beta"));
    }

    @Test
    void signatureMadeForOneSwarmNeverVerifiesRelabelledAsAnother() {
        SignedEnvelope relabelled = new SignedEnvelope(
                SWARM,
                7,
                2,
                payload,
                SignedEnvelope.sign("beta", 7, 2, payload, TestKeys.key(2)).signature());
        assertThat(verifier.verify(relabelled.encode())).isEqualTo(new VerifyOutcome.BadSignature(2));
    }

    @Test
    void signatureMadeForOneTypeNeverVerifiesAsAnotherType() {
        SignedEnvelope crossType = new SignedEnvelope(SWARM, 8, 2, payload, envelope.signature());
        assertThat(verifier.verify(crossType.encode())).isEqualTo(new VerifyOutcome.BadSignature(2));
    }

    @Test
    void signatureOfOneSenderNeverVerifiesAsAnotherSender() {
        SignedEnvelope impostor = new SignedEnvelope(SWARM, 7, 3, payload, envelope.signature());
        assertThat(verifier.verify(impostor.encode())).isEqualTo(new VerifyOutcome.BadSignature(3));
        SignedEnvelope forged = SignedEnvelope.sign(SWARM, 7, 1, payload, TestKeys.key(3));
        assertThat(verifier.verify(forged.encode())).isEqualTo(new VerifyOutcome.BadSignature(1));
    }

    @Test
    void unregisteredSenderIsUnknownSender() {
        SignedEnvelope stranger = SignedEnvelope.sign(SWARM, 7, 9, payload, TestKeys.key(9));
        assertThat(verifier.verify(stranger.encode())).isEqualTo(new VerifyOutcome.UnknownSender(9));
    }

    @Test
    void signingBytesSeparateFieldBoundaries() {
        // same concatenation of swarm+payload bytes, different split: must differ
        assertThat(SignedEnvelope.signingBytes("ab", 1, 1, "c".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(SignedEnvelope.signingBytes("a", 1, 1, "bc".getBytes(StandardCharsets.UTF_8)));
        assertThat(SignedEnvelope.signingBytes("a", 1, 2, new byte[0]))
                .isNotEqualTo(SignedEnvelope.signingBytes("a", 2, 1, new byte[0]));
    }

    @Test
    void signingBytesBeginWithTheDomainTag() {
        byte[] bytes = SignedEnvelope.signingBytes(SWARM, 7, 2, payload);
        byte[] tag = "bftswarm/envelope/v1".getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(bytes, tag.length)).isEqualTo(tag);
        assertThat(envelope.verifiesWith(TestKeys.key(2).verifyingKey())).isTrue();
    }

    @Test
    void constructorRefusesInvalidFieldsAndCopiesArrays() {
        byte[] sig = envelope.signature();
        assertThatThrownBy(() -> new SignedEnvelope("", 1, 0, payload, sig))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedEnvelope("x".repeat(256), 1, 0, payload, sig))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedEnvelope(SWARM, 1, -1, payload, sig))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedEnvelope(SWARM, 1, 0, payload, new byte[63]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] mine = payload.clone();
        SignedEnvelope e = new SignedEnvelope(SWARM, 1, 0, mine, sig);
        mine[0] ^= 1;
        e.payload()[1] ^= 1;
        assertThat(e.payload()).isEqualTo(payload);
    }

    @Test
    void hostileLengthFieldsAreMalformedWithoutHugeAllocation() {
        byte[] encoded = envelope.encode();
        int payLenAt = 5 + 1 + SWARM.length() + 8;
        for (int hostile :
                new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 64 << 20, (64 << 20) + 1, payload.length + 1}) {
            byte[] bad = encoded.clone();
            EnvelopeFormat.putInt(bad, payLenAt, hostile);
            assertThat(verifier.verify(bad)).isInstanceOf(VerifyOutcome.Malformed.class);
        }
        byte[] badSender = encoded.clone();
        EnvelopeFormat.putInt(badSender, payLenAt - 4, -7);
        assertThat(verifier.verify(badSender)).isEqualTo(new VerifyOutcome.Malformed("negative sender -7"));
    }

    @Test
    void nonCanonicalUtf8SwarmNameIsMalformed() {
        // overlong encoding of '/' (0xC0 0xAF) in place of two swarm bytes
        byte[] encoded =
                SignedEnvelope.sign("ab", 1, 0, payload, TestKeys.key(0)).encode();
        encoded[6] = (byte) 0xC0;
        encoded[7] = (byte) 0xAF;
        assertThat(new EnvelopeVerifier("ab", registry).verify(encoded)).isInstanceOf(VerifyOutcome.Malformed.class);
    }

    @Test
    void outcomeKindsAreStableLabels() {
        assertThat(new VerifyOutcome.Ok(envelope).kind()).isEqualTo("ok");
        assertThat(new VerifyOutcome.UnknownSender(1).kind()).isEqualTo("unknown_sender");
        assertThat(new VerifyOutcome.BadSignature(1).kind()).isEqualTo("bad_signature");
        assertThat(new VerifyOutcome.WrongSwarm("x").kind()).isEqualTo("wrong_swarm");
        assertThat(new VerifyOutcome.Malformed("x").kind()).isEqualTo("malformed");
    }
}
