package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz of the envelope decoder and verifier (rule: decoders never throw on hostile bytes): arbitrary
 * bytes and mutated valid envelopes never raise an exception, and only the unmodified encoding is Ok.
 */
class EnvelopeFuzzTest {
    private static final String SWARM = "fuzz";
    private static final KeyRegistry REGISTRY = TestKeys.registry(4);
    private static final EnvelopeVerifier VERIFIER = new EnvelopeVerifier(SWARM, REGISTRY);
    private static final byte[] VALID = SignedEnvelope.sign(SWARM, 3, 1, "checkpoint n=128".getBytes(), TestKeys.key(1))
            .encode();

    /** One edit of a byte array: kind 0 flip, 1 insert, 2 delete, 3 truncate, 4 overwrite an int field. */
    record Mutation(int kind, int position, int value) {
        byte[] apply(byte[] in) {
            int pos = Math.floorMod(position, in.length);
            switch (kind) {
                case 0: {
                    byte[] out = in.clone();
                    out[pos] ^= (byte) (value == 0 ? 1 : value);
                    return out;
                }
                case 1: {
                    byte[] out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, pos);
                    out[pos] = (byte) value;
                    System.arraycopy(in, pos, out, pos + 1, in.length - pos);
                    return out;
                }
                case 2: {
                    byte[] out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, pos);
                    System.arraycopy(in, pos + 1, out, pos, in.length - pos - 1);
                    return out;
                }
                case 3:
                    return Arrays.copyOf(in, pos);
                default: {
                    byte[] out = in.clone();
                    if (pos + 4 <= out.length) {
                        EnvelopeFormat.putInt(out, pos, value);
                    }
                    return out;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, VALID.length - 1),
                        Arbitraries.integers())
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrowAndNeverVerify(@ForAll @Size(max = 400) byte[] bytes) {
        VerifyOutcome outcome = VERIFIER.verify(bytes);
        assertThat(outcome.isOk()).isFalse();
        assertNoInternalError(outcome);
    }

    /** The verifier's catch-all is defence in depth; hostile bytes must be classified without reaching it. */
    private static void assertNoInternalError(VerifyOutcome outcome) {
        if (outcome instanceof VerifyOutcome.Malformed m) {
            assertThat(m.reason()).doesNotContain("decoder error").doesNotContain("verifier error");
        }
    }

    @Property(tries = 2000)
    void bytesWithAValidHeaderNeverThrowAndNeverVerify(@ForAll @Size(max = 300) byte[] tail) {
        byte[] bytes = new byte[5 + tail.length];
        System.arraycopy(EnvelopeFormat.MAGIC, 0, bytes, 0, 4);
        bytes[4] = EnvelopeFormat.VERSION;
        System.arraycopy(tail, 0, bytes, 5, tail.length);
        VerifyOutcome outcome = VERIFIER.verify(bytes);
        assertThat(outcome.isOk()).isFalse();
        assertNoInternalError(outcome);
    }

    @Property(tries = 1500)
    void mutatedValidEnvelopesNeverThrowAndAreOkOnlyIfUnchanged(@ForAll("mutations") List<Mutation> edits) {
        byte[] bytes = VALID;
        for (Mutation m : edits) {
            if (bytes.length == 0) {
                break;
            }
            bytes = m.apply(bytes);
        }
        VerifyOutcome outcome = VERIFIER.verify(bytes);
        assertThat(outcome.isOk()).isEqualTo(Arrays.equals(bytes, VALID));
        assertNoInternalError(outcome);
    }

    @Property(tries = 300)
    void anyWellFormedEnvelopeRoundTrips(
            @ForAll @Size(max = 200) byte[] payload, @ForAll int type, @ForAll("senders") int sender) {
        SignedEnvelope e = SignedEnvelope.sign(SWARM, type, sender, payload, TestKeys.key(sender));
        byte[] encoded = e.encode();
        assertThat(VERIFIER.verify(encoded)).isEqualTo(new VerifyOutcome.Ok(e));
        assertThat(EnvelopeDecoder.decode(encoded).envelope()).isEqualTo(e);
    }

    @Provide
    Arbitrary<Integer> senders() {
        return Arbitraries.integers().between(0, 3);
    }
}
