package org.bftswarm.consensus.transport;

import java.util.function.IntPredicate;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.VerifyOutcome;

/**
 * First check of every inbound frame: decode the signed envelope, check
 * swarm, sender and Ed25519 signature, and drop exact replays (copies within a short horizon) from senders
 * whose messages are never legitimately repeated that fast. Each rejection is counted under its reason and
 * logged at a bounded rate; nothing here throws on hostile bytes. Thread-safe: called from the inbound worker pool.
 */
public final class EnvelopeGate {
    private final EnvelopeVerifier verifier;
    private final DropCounters drops;
    private final IntPredicate replayChecked;
    private final RecentEnvelopes recent;

    /**
     * @param replayChecked senders whose exact duplicates are dropped as replays (e.g. replicas; client
     *                      requests are legitimately retransmitted and deduplicated by the core instead)
     * @param replayHorizonMillis how long an accepted envelope's copies count as replays
     */
    public EnvelopeGate(
            EnvelopeVerifier verifier,
            DropCounters drops,
            IntPredicate replayChecked,
            int replayMemory,
            long replayHorizonMillis) {
        this.verifier = verifier;
        this.drops = drops;
        this.replayChecked = replayChecked;
        this.recent = new RecentEnvelopes(replayMemory, replayHorizonMillis);
    }

    /** The authentic envelope, or null when the frame was dropped (and counted). */
    public SignedEnvelope admit(byte[] frame, Connection from) {
        VerifyOutcome outcome = verifier.verify(frame);
        if (outcome instanceof VerifyOutcome.Ok ok) {
            SignedEnvelope env = ok.envelope();
            if (replayChecked.test(env.sender()) && !recent.firstTime(env.signature(), System.nanoTime())) {
                drops.drop(
                        DropReason.REPLAY,
                        "sender " + env.sender() + " type " + env.type() + " via " + from.describe());
                return null;
            }
            return env;
        }
        if (outcome instanceof VerifyOutcome.Malformed m) {
            drops.drop(DropReason.MALFORMED, m.reason() + " via " + from.describe());
        } else if (outcome instanceof VerifyOutcome.WrongSwarm w) {
            drops.drop(DropReason.WRONG_SWARM, "swarm '" + w.swarm() + "' via " + from.describe());
        } else if (outcome instanceof VerifyOutcome.UnknownSender u) {
            drops.drop(DropReason.UNKNOWN_SENDER, "sender " + u.sender() + " via " + from.describe());
        } else if (outcome instanceof VerifyOutcome.BadSignature b) {
            drops.drop(DropReason.BAD_SIGNATURE, "sender " + b.sender() + " via " + from.describe());
        }
        return null;
    }

    public DropCounters drops() {
        return drops;
    }
}
