package org.bftswarm.consensus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

class InboundVerifierTest {
    static SigningKey key(int id) {
        byte[] seed = new byte[32];
        seed[0] = (byte) id;
        seed[1] = (byte) (id >> 8);
        seed[30] = 3;
        return SigningKey.fromSeed(seed);
    }

    private final SigningKey[] keys = {key(0), key(1), key(2), key(3)};
    private final SigningKey client = key(1000);
    private final KeyRegistry registry;
    private final InboundVerifier verifier;

    InboundVerifierTest() {
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            pub.put(i, keys[i].verifyingKey());
        }
        pub.put(1000, client.verifyingKey());
        registry = KeyRegistry.of(pub);
        verifier = new InboundVerifier("swarm-a", registry, 4, new SignatureCache(100));
    }

    private boolean accepted(Signed s) {
        return verifier.verify(s) instanceof InboundVerifier.Outcome.Accepted;
    }

    private Signed forged(int claimedSender, Message body) {
        byte[] sig = keys[3].sign(Codec.encodeBody(body));
        return Signed.unverified(claimedSender, Codec.encodeBody(body), sig, body);
    }

    @Test
    void correctlySignedMessagesAreAccepted() {
        assertThat(accepted(Signed.sign("swarm-a", keys[1], 1, new Prepare(0, 1, Digest.ZERO))))
                .isTrue();
        assertThat(accepted(Signed.sign("swarm-a", client, 1000, new Request(1000, 1, new byte[] {1}))))
                .isTrue();
    }

    @Test
    void forgedSignaturesAndOtherSwarmsAreRejected() {
        assertThat(accepted(forged(1, new Prepare(0, 1, Digest.ZERO)))).isFalse();
        assertThat(accepted(Signed.sign("swarm-b", keys[1], 1, new Prepare(0, 1, Digest.ZERO))))
                .isFalse();
    }

    @Test
    void aSignatureForOneMessageTypeNeverVerifiesAsAnother() {
        Signed prepare = Signed.sign("swarm-a", keys[1], 1, new Prepare(0, 1, Digest.ZERO));
        Commit commit = new Commit(0, 1, Digest.ZERO);
        Signed relabelled = Signed.unverified(1, prepare.payload(), prepare.signature(), commit);
        assertThat(accepted(relabelled)).isFalse();
    }

    @Test
    void sendersMustPlayTheirRole() {
        assertThat(accepted(Signed.sign("swarm-a", client, 1000, new Prepare(0, 1, Digest.ZERO))))
                .isFalse();
        assertThat(accepted(Signed.sign("swarm-a", client, 1000, new Request(1001, 1, new byte[0]))))
                .isFalse();
        assertThat(accepted(Signed.sign("swarm-a", keys[0], 0, new Request(0, 1, new byte[0]))))
                .isFalse();
    }

    @Test
    void aPrePrepareWithAForgedClientRequestInsideIsRejected() {
        Request r = new Request(1000, 7, new byte[] {1});
        Signed fake = forged(1000, r);
        Signed pp = Signed.sign("swarm-a", keys[0], 0, new PrePrepare(0, 1, Batch.of(1, List.of(fake))));
        assertThat(accepted(pp)).isFalse();
        Signed real = Signed.sign("swarm-a", client, 1000, r);
        assertThat(accepted(Signed.sign("swarm-a", keys[0], 0, new PrePrepare(0, 1, Batch.of(1, List.of(real))))))
                .isTrue();
    }

    @Test
    void aViewChangeWithAForgedPrepareInsideItsCertificateIsRejected() {
        Signed pp = Signed.sign("swarm-a", keys[0], 0, new PrePrepare(0, 1, Batch.of(1, List.of())));
        Digest d = ((PrePrepare) pp.body()).digest();
        Signed good = Signed.sign("swarm-a", keys[1], 1, new Prepare(0, 1, d));
        Signed bad = forged(2, new Prepare(0, 1, d));
        ViewChange vc = new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(new PreparedCert(pp, List.of(good, bad))));
        assertThat(accepted(Signed.sign("swarm-a", keys[3], 3, vc))).isFalse();
        Signed good2 = Signed.sign("swarm-a", keys[2], 2, new Prepare(0, 1, d));
        ViewChange ok =
                new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(new PreparedCert(pp, List.of(good, good2))));
        assertThat(accepted(Signed.sign("swarm-a", keys[3], 3, ok))).isTrue();
    }

    @Test
    void wireBytesThatAreGarbageAreRejectedNotThrown() {
        assertThat(verifier.verifyWire(new byte[] {1, 2, 3})).isInstanceOf(InboundVerifier.Outcome.Rejected.class);
        Signed s = Signed.sign("swarm-a", keys[1], 1, new Prepare(0, 1, Digest.ZERO));
        assertThat(verifier.verifyWire(s.envelope("swarm-a").encode()))
                .isInstanceOf(InboundVerifier.Outcome.Accepted.class);
    }
}
