package org.bftswarm.consensus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

/** The designation rule and what a replica's verifier checks because of it. */
class RequestVerifiersTest {
    @Property
    void everyRequestHasThePrimaryAndExactlyFBackupsDesignated(
            @ForAll @IntRange(min = 1, max = 5) int f,
            @ForAll @IntRange(min = 0, max = 100) int view,
            @ForAll @IntRange(min = 1000, max = 1_000_000) int client,
            @ForAll @LongRange(min = 0) long number) {
        int n = 3 * f + 1;
        int primary = view % n;
        int designated = 0;
        for (int r = 0; r < n; r++) {
            if (RequestVerifiers.designated(r, primary, client, number, n, f)) {
                designated++;
            }
        }
        assertThat(RequestVerifiers.designated(primary, primary, client, number, n, f))
                .isTrue();
        assertThat(designated).isEqualTo(f + 1);
    }

    @Test
    void consecutiveRequestsOfOneClientSpreadTheBackupsWorkEvenly() {
        int n = 4;
        int f = 1;
        int[] load = new int[n];
        for (long number = 1; number <= 3000; number++) {
            for (int r = 1; r < n; r++) {
                if (RequestVerifiers.designated(r, 0, 1000, number, n, f)) {
                    load[r]++;
                }
            }
        }
        for (int r = 1; r < n; r++) {
            assertThat(load[r])
                    .as("backup %d designated for %d of 3000", r, load[r])
                    .isBetween(900, 1100);
        }
    }

    private static final String SWARM = "swarm-a";
    private final SigningKey[] keys = {
        InboundVerifierTest.key(0), InboundVerifierTest.key(1), InboundVerifierTest.key(2), InboundVerifierTest.key(3)
    };
    private final SigningKey client = InboundVerifierTest.key(1000);

    private InboundVerifier verifierOf(int self) {
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            pub.put(i, keys[i].verifyingKey());
        }
        pub.put(1000, client.verifyingKey());
        return new InboundVerifier(SWARM, KeyRegistry.of(pub), 4, new SignatureCache(100), self);
    }

    private static Signed forgedRequest(long number) {
        Request r = new Request(1000, number, new byte[] {9});
        return Signed.unverified(1000, Codec.encodeBody(r), new byte[64], r);
    }

    private Signed prePrepareWith(Signed request) {
        return Signed.sign(SWARM, keys[0], 0, new PrePrepare(0, 1, Batch.of(1, List.of(request))));
    }

    @Test
    void aReplicaRejectsAPrePrepareOnlyForAForgedRequestItIsDesignatedFor() {
        long number = 77;
        Signed pp = prePrepareWith(forgedRequest(number));
        for (int self = 1; self < 4; self++) { // the primary does not receive its own pre-prepare
            boolean designated = RequestVerifiers.designated(self, 0, 1000, number, 4, 1);
            boolean accepted = verifierOf(self).verify(pp) instanceof InboundVerifier.Outcome.Accepted;
            assertThat(accepted)
                    .as("replica %d (designated %s)", self, designated)
                    .isEqualTo(!designated);
        }
    }

    @Test
    void aCertificateCarryingAForgedRequestIsNotRejectedSoTheViewChangeCanComplete() {
        Signed pp = prePrepareWith(forgedRequest(78));
        Signed prepare1 = Signed.sign(SWARM, keys[1], 1, new Message.Prepare(0, 1, ((PrePrepare) pp.body()).digest()));
        Signed prepare2 = Signed.sign(SWARM, keys[2], 2, new Message.Prepare(0, 1, ((PrePrepare) pp.body()).digest()));
        Signed vc = Signed.sign(
                SWARM,
                keys[3],
                3,
                new ViewChange(
                        1, 0, Digest.ZERO, List.of(), List.of(new PreparedCert(pp, List.of(prepare1, prepare2)))));
        for (int self = 0; self < 4; self++) {
            assertThat(verifierOf(self).verify(vc))
                    .as("replica %d", self)
                    .isInstanceOf(InboundVerifier.Outcome.Accepted.class);
        }
    }

    @Test
    void aVerifierOfNoReplicaStillChecksEveryBatchedRequest() {
        InboundVerifier all = new InboundVerifier(
                SWARM,
                KeyRegistry.of(new TreeMap<>(Map.of(0, keys[0].verifyingKey(), 1000, client.verifyingKey()))),
                4,
                new SignatureCache(100));
        assertThat(all.verify(prePrepareWith(forgedRequest(79)))).isInstanceOf(InboundVerifier.Outcome.Rejected.class);
    }
}
