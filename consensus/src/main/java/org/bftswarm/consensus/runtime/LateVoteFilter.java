package org.bftswarm.consensus.runtime;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.SignedEnvelope;

/**
 * Sets aside, before their signature is checked, PREPARE and COMMIT votes for sequence numbers this
 * replica has already executed: a replica executes on the 2f+1-th commit, so with n = 3f+1 up to f
 * commits (and surplus prepares) of every batch arrive after they can change anything, and checking
 * their Ed25519 signatures (~50 us each) would be wasted. Only unauthenticated routing fields are read
 * and nothing set aside is ever trusted or acted on, so a forged "late" vote achieves nothing.
 */
final class LateVoteFilter {
    private final LongSupplier lastExecuted;
    private final LongAdder skipped = new LongAdder();

    LateVoteFilter(LongSupplier lastExecuted) {
        this.lastExecuted = lastExecuted;
    }

    /**
     * True if the frame is a vote for an executed sequence number (then it need not be processed).
     * {@code env}: the frame as {@link EnvelopeVerifier#peek} decoded it (unauthenticated), or null.
     */
    boolean late(SignedEnvelope env) {
        long executed = lastExecuted.getAsLong();
        if (executed <= 0) {
            return false;
        }
        if (env == null || (env.type() != MessageType.PREPARE && env.type() != MessageType.COMMIT)) {
            return false;
        }
        Decoded<Message> d = Codec.decodeBody(env.type(), env.payload());
        if (!(d instanceof Decoded.Ok<Message> ok)) {
            return false;
        }
        long seq = ok.value() instanceof Message.Prepare p ? p.seq() : ((Message.Commit) ok.value()).seq();
        if (seq > executed) {
            return false;
        }
        skipped.increment();
        return true;
    }

    /** Votes set aside so far. */
    long skipped() {
        return skipped.sum();
    }
}
