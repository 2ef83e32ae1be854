package org.bftswarm.consensus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.RequestVerifiers;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

/** Which request copies a replica may leave unverified on arrival, and which it must process at once. */
class FirstCopyDeferralTest {
    private static final String SWARM = "s";
    private final SigningKey client = key(1000);
    private final SigningKey replica2 = key(2);
    private final EnvelopeVerifier envelopes;
    private final AtomicInteger primary = new AtomicInteger(0);

    FirstCopyDeferralTest() {
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        pub.put(2, replica2.verifyingKey());
        pub.put(1000, client.verifyingKey());
        envelopes = new EnvelopeVerifier(SWARM, KeyRegistry.of(pub));
    }

    private static SigningKey key(int id) {
        byte[] seed = new byte[32];
        seed[0] = (byte) id;
        seed[1] = (byte) (id >> 8);
        seed[31] = 7;
        return SigningKey.fromSeed(seed);
    }

    private byte[] request(long number) {
        return Signed.sign(SWARM, client, 1000, new Message.Request(1000, number, new byte[] {1}))
                .envelope(SWARM)
                .encode();
    }

    /** A request number this replica is not designated for, and one it is. */
    private static long number(int self, boolean designated) {
        for (long k = 1; ; k++) {
            if (RequestVerifiers.designated(self, 0, 1000, k, 4, 1) == designated) {
                return k;
            }
        }
    }

    private FirstCopyDeferral deferralOf(int self) {
        return new FirstCopyDeferral(self, 4, primary::get);
    }

    @Test
    void aBackupNotDesignatedDefersTheFirstCopyAndProcessesTheRetransmission() {
        FirstCopyDeferral d = deferralOf(3);
        long k = number(3, false);
        assertThat(d.deferredClient(envelopes.peek(request(k)))).isEqualTo(1000);
        assertThat(d.deferredClient(envelopes.peek(request(k))))
                .as("second copy: the client is retransmitting")
                .isEqualTo(-1);
        assertThat(d.deferred()).isEqualTo(1);
    }

    @Test
    void designatedReplicasThePrimaryAndReplicasInAViewChangeNeverDefer() {
        FirstCopyDeferral backup = deferralOf(3);
        assertThat(backup.deferredClient(envelopes.peek(request(number(3, true)))))
                .isEqualTo(-1);
        primary.set(3);
        assertThat(backup.deferredClient(envelopes.peek(request(number(3, false)))))
                .as("primary")
                .isEqualTo(-1);
        primary.set(-1);
        assertThat(backup.deferredClient(envelopes.peek(request(number(3, false)))))
                .as("view change")
                .isEqualTo(-1);
        assertThat(backup.deferred()).isZero();
    }

    @Test
    void onlyWellFormedClientRequestsOfKnownSendersAreEverDeferred() {
        FirstCopyDeferral d = deferralOf(3);
        byte[] prepare = Signed.sign(SWARM, replica2, 2, new Message.Prepare(0, 1, Digest.ZERO))
                .envelope(SWARM)
                .encode();
        byte[] otherSwarm = Signed.sign("t", client, 1000, new Message.Request(1000, number(3, false), new byte[0]))
                .envelope("t")
                .encode();
        byte[] garbage = new byte[] {1, 2, 3, 4, 5};
        byte[] truncated = Arrays.copyOf(request(number(3, false)), 40);
        for (byte[] frame : new byte[][] {prepare, otherSwarm, garbage, truncated}) {
            assertThat(d.deferredClient(envelopes.peek(frame))).isEqualTo(-1);
        }
        assertThat(d.deferred()).isZero();
    }
}
