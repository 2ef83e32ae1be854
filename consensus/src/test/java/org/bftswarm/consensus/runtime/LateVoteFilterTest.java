package org.bftswarm.consensus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

/** Only votes for executed sequence numbers are set aside; everything else goes on to be verified. */
class LateVoteFilterTest {
    private static final String SWARM = "s";
    private final SigningKey replica = SigningKey.fromSeed(new byte[32]);
    private final AtomicLong executed = new AtomicLong(10);
    private final LateVoteFilter filter;
    private final EnvelopeVerifier envelopes;

    LateVoteFilterTest() {
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        pub.put(1, replica.verifyingKey());
        envelopes = new EnvelopeVerifier(SWARM, KeyRegistry.of(pub));
        filter = new LateVoteFilter(executed::get);
    }

    private SignedEnvelope peek(byte[] frame) {
        return envelopes.peek(frame);
    }

    private byte[] frame(Message body) {
        return Signed.sign(SWARM, replica, 1, body).envelope(SWARM).encode();
    }

    @Test
    void votesAtOrBelowTheExecutedSequenceAreSetAsideAndLaterOnesAreNot() {
        assertThat(filter.late(peek(frame(new Message.Commit(0, 10, Digest.ZERO)))))
                .isTrue();
        assertThat(filter.late(peek(frame(new Message.Prepare(0, 3, Digest.ZERO)))))
                .isTrue();
        assertThat(filter.late(peek(frame(new Message.Commit(0, 11, Digest.ZERO)))))
                .isFalse();
        assertThat(filter.late(peek(frame(new Message.Prepare(0, 11, Digest.ZERO)))))
                .isFalse();
        assertThat(filter.skipped()).isEqualTo(2);
    }

    @Test
    void otherMessagesAndBeforeAnyExecutionNothingIsSetAside() {
        assertThat(filter.late(peek(frame(new Message.Checkpoint(8, Digest.ZERO)))))
                .isFalse();
        assertThat(filter.late(peek(new byte[] {9, 9, 9}))).isFalse();
        executed.set(0);
        assertThat(filter.late(peek(frame(new Message.Commit(0, 0, Digest.ZERO)))))
                .isFalse();
        assertThat(filter.skipped()).isZero();
    }
}
