package org.bftswarm.consensus.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class ReplyCertificateTest {
    private static final SigningKey REPLICA_2 = key(2);
    private static final SigningKey REPLICA_3 = key(3);
    private static final byte[] RESULT = {7, 8, 9};

    private static SigningKey key(int id) {
        byte[] seed = new byte[32];
        seed[0] = (byte) id;
        seed[31] = 5;
        return SigningKey.fromSeed(seed);
    }

    private static ReplySignature signedByReplica2() {
        Message.Reply reply = new Message.Reply(1, 1001, 42, RESULT, 17);
        return ReplyCertificate.of(2, reply.withSignature(ReplyCertificate.sign("swarm", 2, REPLICA_2, reply)));
    }

    @Test
    void aReplicasCertificateVerifiesUnderItsKeyAndNamesTheResultDigest() {
        ReplySignature cert = signedByReplica2();

        assertThat(ReplyCertificate.verifies("swarm", REPLICA_2.verifyingKey(), cert))
                .isTrue();
        assertThat(cert.resultDigest()).isEqualTo(Digest.sha256(RESULT));
        assertThat(cert.sequence()).isEqualTo(17);
        assertThat(cert.requestNumber()).isEqualTo(42);
        assertThat(cert.clientId()).isEqualTo(1001);
    }

    @Test
    void changingAnySignedFieldOrTheKeyOrTheSwarmBreaksTheCertificate() {
        ReplySignature c = signedByReplica2();
        byte[] sig = c.signature();
        List<ReplySignature> tampered = List.of(
                new ReplySignature(3, c.clientId(), c.requestNumber(), c.sequence(), c.resultDigest(), sig),
                new ReplySignature(2, 1002, c.requestNumber(), c.sequence(), c.resultDigest(), sig),
                new ReplySignature(2, c.clientId(), 43, c.sequence(), c.resultDigest(), sig),
                new ReplySignature(2, c.clientId(), c.requestNumber(), 18, c.resultDigest(), sig),
                new ReplySignature(
                        2, c.clientId(), c.requestNumber(), c.sequence(), Digest.sha256(new byte[] {7, 8}), sig));
        for (ReplySignature t : tampered) {
            assertThat(ReplyCertificate.verifies("swarm", REPLICA_2.verifyingKey(), t))
                    .as(t.toString())
                    .isFalse();
        }
        byte[] flipped = c.signature();
        flipped[10] ^= 1;
        assertThat(ReplyCertificate.verifies(
                        "swarm",
                        REPLICA_2.verifyingKey(),
                        new ReplySignature(2, 1001, 42, 17, c.resultDigest(), flipped)))
                .as("flipped signature bit")
                .isFalse();
        assertThat(ReplyCertificate.verifies("swarm", REPLICA_3.verifyingKey(), c))
                .as("another replica's key")
                .isFalse();
        assertThat(ReplyCertificate.verifies("other-swarm", REPLICA_2.verifyingKey(), c))
                .as("another swarm")
                .isFalse();
        assertThat(ReplyCertificate.verifies(
                        "swarm",
                        REPLICA_2.verifyingKey(),
                        new ReplySignature(2, 1001, 42, 17, c.resultDigest(), new byte[0])))
                .as("an unsigned reply")
                .isFalse();
    }

    @Test
    void theSignedBytesAreDomainSeparatedFromEveryOtherFraming() {
        byte[] a = ReplyCertificate.signedBytes("s", 1, 2, 3, 4, Digest.ZERO);
        byte[] b = ReplyCertificate.signedBytes("s", 2, 1, 3, 4, Digest.ZERO);
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(a, StandardCharsets.UTF_8)).contains(ReplyCertificate.DOMAIN);
    }
}
