package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.ReplyCertificateJson;
import org.bftswarm.consensus.client.ReplyCertificate;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.junit.jupiter.api.Test;

class WriteCertificateCheckTest {
    private static final String SWARM = "swarm-a";
    private static final String JOB = "alice-0123456789";
    private static final List<SigningKey> NODES = List.of(key(0), key(1), key(2), key(3));
    private static final byte[] RESULT = ReplyCodec.encode(Reply.okJob(ReplyCode.JOB_ACCEPTED, JOB));
    private static final WriteCertificateCheck CHECK = new WriteCertificateCheck(
            SWARM, 1, NODES.stream().map(SigningKey::verifyingKey).toList());

    private static SigningKey key(int id) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (id + 1);
        seed[31] = 9;
        return SigningKey.fromSeed(seed);
    }

    private static ReplyCertificateJson cert(int replica, SigningKey signer, byte[] result, long sequence) {
        Digest d = Digest.sha256(result);
        byte[] sig = signer.sign(ReplyCertificate.signedBytes(SWARM, replica, 1002, 77, sequence, d));
        return new ReplyCertificateJson(replica, 1002, 77, sequence, d.hex(), SignatureHex.encode(sig));
    }

    private static ReplyCertificateJson cert(int replica) {
        return cert(replica, NODES.get(replica), RESULT, 12);
    }

    private static OrderedWrite answer(byte[] result, ReplyCertificateJson... certs) {
        return new OrderedWrite(JOB, Base64.getEncoder().encodeToString(result), List.of(certs));
    }

    @Test
    void fPlusOneValidCertificatesOverTheResultNamingTheChosenJobAreAccepted() {
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), cert(2)))).isEmpty();
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), cert(1), cert(2), cert(3))))
                .isEmpty();
    }

    @Test
    void fewerThanFPlusOneCertificatesAreRejectedWithTheCount() {
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(1))))
                .hasValueSatisfying(p -> assertThat(p).contains("only 1 of f+1 = 2 valid reply signatures"));
        assertThat(CHECK.problem(JOB, answer(RESULT)))
                .hasValueSatisfying(p -> assertThat(p).contains("only 0 of f+1 = 2"));
    }

    @Test
    void oneReplicaRepeatedCountsOnce() {
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(1), cert(1), cert(1))))
                .hasValueSatisfying(p -> assertThat(p).contains("only 1 of f+1"));
    }

    @Test
    void aCertificateForgedByTheEntryNodeDoesNotCount() {
        ReplyCertificateJson forged = cert(2, NODES.get(0), RESULT, 12); // node 0 signs as replica 2
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), forged)))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("only 1 of f+1")
                        .contains("replica 2: signature does not verify under node 2's key"));
    }

    @Test
    void certificatesOverAnotherResultOrAnotherRequestDoNotCombine() {
        byte[] other = ReplyCodec.encode(Reply.okJob(ReplyCode.JOB_EXISTS, JOB));
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), cert(1, NODES.get(1), other, 12))))
                .hasValueSatisfying(p -> assertThat(p).contains("replica 1: signs another result"));
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), cert(1, NODES.get(1), RESULT, 13))))
                .as("two replicas certifying different executions")
                .hasValueSatisfying(p -> assertThat(p).contains("only 1 of f+1"));
    }

    @Test
    void aTamperedCertificateFieldOrResultIsRejected() {
        ReplyCertificateJson c = cert(1);
        ReplyCertificateJson moved =
                new ReplyCertificateJson(1, c.client(), c.request() + 1, c.sequence(), c.resultDigest(), c.signature());
        assertThat(CHECK.problem(JOB, answer(RESULT, cert(0), moved))).isPresent();
        byte[] altered = ReplyCodec.encode(Reply.okJob(ReplyCode.JOB_ACCEPTED, JOB + "x"));
        assertThat(CHECK.problem(JOB, answer(altered, cert(0), cert(1))))
                .as("the node swapped the result under the certificates")
                .isPresent();
    }

    @Test
    void aResultAboutAnotherJobIsRejectedEvenWhenCertified() {
        byte[] otherJob = ReplyCodec.encode(Reply.okJob(ReplyCode.JOB_ACCEPTED, "mallory-job"));
        Optional<String> p = CHECK.problem(
                JOB, answer(otherJob, cert(0, NODES.get(0), otherJob, 5), cert(1, NODES.get(1), otherJob, 5)));
        assertThat(p).hasValueSatisfying(s -> assertThat(s).contains("about job mallory-job, not " + JOB));
    }

    @Test
    void anAnswerWithoutResultOrWithUnknownReplicasIsRejected() {
        assertThat(CHECK.problem(JOB, new OrderedWrite(JOB, null, null))).isPresent();
        List<VerifyingKey> keys =
                new ArrayList<>(NODES.stream().map(SigningKey::verifyingKey).toList());
        ReplyCertificateJson stranger = cert(7, key(7), RESULT, 12);
        assertThat(new WriteCertificateCheck(SWARM, 1, keys).problem(JOB, answer(RESULT, cert(0), stranger)))
                .hasValueSatisfying(s -> assertThat(s).contains("replica 7: no such replica"));
    }
}
