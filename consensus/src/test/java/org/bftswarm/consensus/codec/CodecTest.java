package org.bftswarm.consensus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final SigningKey K0 = InboundVerifierTest.key(0);
    private static final SigningKey K1 = InboundVerifierTest.key(1);
    private static final SigningKey C = InboundVerifierTest.key(1000);

    static List<Message> samples() {
        Signed req = Signed.sign("s", C, 1000, new Request(1000, 3, new byte[] {1, 2}));
        Signed pp = Signed.sign("s", K0, 0, new PrePrepare(2, 5, Batch.of(77, List.of(req))));
        Digest d = ((PrePrepare) pp.body()).digest();
        Signed prep = Signed.sign("s", K1, 1, new Prepare(2, 5, d));
        Signed cp = Signed.sign("s", K1, 1, new Checkpoint(4, d));
        Signed com = Signed.sign("s", K1, 1, new Commit(2, 5, d));
        ViewChange vc = new ViewChange(3, 4, d, List.of(cp), List.of(new PreparedCert(pp, List.of(prep))));
        Signed vcs = Signed.sign("s", K1, 1, vc);
        return List.of(
                new Request(1000, 1, new byte[0]),
                pp.body(),
                prep.body(),
                com.body(),
                cp.body(),
                vc,
                new NewView(3, List.of(vcs), List.of(pp)),
                new Reply(2, 1000, 9, new byte[] {4}),
                new Fetch(6),
                new CommitProof(pp, List.of(com)),
                new StateRequest(4, 2),
                new StateChunk(
                        4, 1, 3, 70, new byte[5], List.of(Digest.sha256(new byte[] {1}), Digest.sha256(new byte[] {2
                        }))));
    }

    @Test
    void everyMessageTypeRoundTripsToIdenticalBytes() {
        for (Message m : samples()) {
            byte[] bytes = Codec.encodeBody(m);
            Decoded<Message> d = Codec.decodeBody(m.type(), bytes);
            assertThat(d).as(m.toString()).isInstanceOf(Decoded.Ok.class);
            assertThat(Codec.encodeBody(((Decoded.Ok<Message>) d).value())).isEqualTo(bytes);
        }
    }

    @Test
    void signedMessagesRoundTripWithTheirSignature() {
        Signed s = Signed.sign("s", K1, 1, samples().get(5));
        Decoded<Signed> d = Codec.decodeSigned(Codec.encodeSigned(s));
        assertThat(((Decoded.Ok<Signed>) d).value()).isEqualTo(s);
    }

    @Test
    void aDecodedBatchHasTheSameDigestAsTheOriginal() {
        PrePrepare pp = (PrePrepare) samples().get(1);
        PrePrepare back =
                (PrePrepare) ((Decoded.Ok<Message>) Codec.decodeBody(pp.type(), Codec.encodeBody(pp))).value();
        assertThat(back.digest()).isEqualTo(pp.digest());
    }

    @Provide
    Arbitrary<byte[]> junk() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Property(tries = 2000)
    void randomBytesNeverThrowForAnyType(@ForAll("junk") byte[] bytes, @ForAll @IntRange(min = -1, max = 14) int type) {
        Decoded<Message> d = Codec.decodeBody(type, bytes);
        assertThat(d).isNotNull();
        assertThat(Codec.decodeSigned(bytes)).isNotNull();
    }

    @Property(tries = 2000)
    void mutatedAndTruncatedValidEncodingsNeverThrow(
            @ForAll @IntRange(min = 0, max = 11) int which,
            @ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        Message m = samples().get(which);
        byte[] bytes = Codec.encodeBody(m);
        byte[] mutated = bytes.clone();
        mutated[position % mutated.length] = value;
        assertThat(Codec.decodeBody(m.type(), mutated)).isNotNull();
        byte[] truncated = Arrays.copyOf(bytes, cut % (bytes.length + 1));
        Decoded<Message> d = Codec.decodeBody(m.type(), truncated);
        if (truncated.length < bytes.length && truncated.length != legacyReplyLength(m, bytes)) {
            assertThat(d).isInstanceOf(Decoded.Malformed.class);
        }
    }

    /** A reply cut right after its result is a valid reply of an older replica (no sequence, no certificate). */
    private static int legacyReplyLength(Message m, byte[] encoded) {
        return m instanceof Reply r ? encoded.length - 8 - 4 - r.signature().length : -1;
    }

    @Test
    void aSignedReplyRoundTripsWithItsSequenceAndCertificate() {
        byte[] certificate = new byte[SigningKey.SIGNATURE_LENGTH];
        certificate[0] = 9;
        Reply r = new Reply(2, 1000, 9, new byte[] {4, 5}, 33, certificate);
        Reply back = (Reply) ((Decoded.Ok<Message>) Codec.decodeBody(r.type(), Codec.encodeBody(r))).value();
        assertThat(back.sequence()).isEqualTo(33);
        assertThat(back.signature()).isEqualTo(certificate);
        assertThat(back.result()).containsExactly(4, 5);
    }

    @Test
    void aReplyBodyOfAnOlderReplicaDecodesAsAnUnsignedReply() {
        ByteWriter w = new ByteWriter(32);
        w.i64(2).i32(1000).i64(9).bytes(new byte[] {4});
        Reply back = (Reply) ((Decoded.Ok<Message>) Codec.decodeBody(MessageType.REPLY, w.toBytes())).value();
        assertThat(back.requestNumber()).isEqualTo(9);
        assertThat(back.signed()).isFalse();
        assertThat(back.sequence()).isZero();
    }

    @Test
    void aReplyCertificateOfTheWrongLengthIsMalformed() {
        ByteWriter w = new ByteWriter(32);
        w.i64(2).i32(1000).i64(9).bytes(new byte[] {4}).i64(3).bytes(new byte[12]);
        assertThat(Codec.decodeBody(MessageType.REPLY, w.toBytes())).isInstanceOf(Decoded.Malformed.class);
    }

    @Property(tries = 500)
    void requestsRoundTripForAnyContent(
            @ForAll @IntRange(min = 1000, max = 100_000) int client,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int number,
            @ForAll("junk") byte[] op) {
        Request r = new Request(client, number, op);
        Request back = (Request) ((Decoded.Ok<Message>) Codec.decodeBody(r.type(), Codec.encodeBody(r))).value();
        assertThat(back.clientId()).isEqualTo(client);
        assertThat(back.requestNumber()).isEqualTo(number);
        assertThat(back.operation()).isEqualTo(op);
    }
}
