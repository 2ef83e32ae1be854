package org.bftswarm.consensus.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bftswarm.consensus.client.ReplyChannel;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.consensus.codec.Verified;
import org.bftswarm.consensus.transport.Connection;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.DropReason;
import org.bftswarm.consensus.transport.EnvelopeGate;
import org.bftswarm.consensus.transport.FrameSink;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.SignedEnvelope;

/**
 * What every inbound frame goes through on the verification pool, before the single core thread sees
 * it (CORE-API contract: the core steps only {@link Verified} messages): envelope decoding, swarm,
 * sender key and Ed25519 signature and short-horizon replay check ({@link EnvelopeGate}), then the
 * core's {@link InboundVerifier} for sender role and every embedded signature. Authentic client
 * requests also record which connection the client is reachable on, for its replies; reply-channel
 * HELLO frames (see {@link ReplyChannel}) are answered here. First copies
 * of client requests this replica need not verify, and votes that come after their batch executed,
 * are set aside first ({@link FirstCopyDeferral}, {@link LateVoteFilter}).
 */
final class InboundPipeline implements FrameSink {
    private final EnvelopeGate gate;
    private final InboundVerifier verifier;
    private final DropCounters drops;
    private final BlockingQueue<Object> coreQueue;
    private final Map<Integer, Connection> clientConnections = new ConcurrentHashMap<>();
    private final ReplyChannelTable replyChannels;
    private final Map<Integer, LongAdder> acceptedByType = new ConcurrentHashMap<>();
    private final FirstCopyDeferral deferral;
    private final LateVoteFilter lateVotes;
    private final EnvelopeVerifier peeker;

    /** {@code deferral}, {@code lateVotes}: the triage before verification (both null: verify everything). */
    InboundPipeline(
            EnvelopeGate gate,
            InboundVerifier verifier,
            BlockingQueue<Object> coreQueue,
            ReplyChannelTable replyChannels,
            EnvelopeVerifier peeker,
            FirstCopyDeferral deferral,
            LateVoteFilter lateVotes) {
        this.gate = gate;
        this.peeker = peeker;
        this.deferral = deferral;
        this.lateVotes = lateVotes;
        this.replyChannels = replyChannels;
        this.verifier = verifier;
        this.drops = gate.drops();
        this.coreQueue = coreQueue;
    }

    @Override
    public void onFrame(Connection from, byte[] frame) {
        if (ReplyChannel.isHello(frame)) {
            replyChannels.onHello(from, frame);
            return;
        }
        if (deferral != null || lateVotes != null) {
            SignedEnvelope peeked = peeker.peek(frame); // unauthenticated: steers work, is never trusted
            int deferredClient = deferral == null ? -1 : deferral.deferredClient(peeked);
            if (deferredClient >= 0) {
                // not verified: only a route for the reply, and only while the client has no authentic one
                clientConnections.compute(
                        deferredClient, (c, known) -> known == null || !known.isOpen() ? from : known);
                return;
            }
            if (lateVotes != null && lateVotes.late(peeked)) {
                return;
            }
        }
        SignedEnvelope env = gate.admit(frame, from);
        if (env == null) {
            return;
        }
        InboundVerifier.Outcome outcome = verifier.verifyCheckedEnvelope(env);
        if (outcome instanceof InboundVerifier.Outcome.Rejected r) {
            drops.drop(classify(r.reason()), r.reason() + " via " + from.describe());
            return;
        }
        Verified v = ((InboundVerifier.Outcome.Accepted) outcome).message();
        acceptedByType.computeIfAbsent(env.type(), t -> new LongAdder()).increment();
        if (v.body() instanceof Message.Request req) {
            clientConnections.put(req.clientId(), from);
        }
        if (!coreQueue.offer(v)) {
            drops.drop(
                    DropReason.INBOUND_OVERLOAD,
                    "core queue full; " + v.body().getClass().getSimpleName());
        }
    }

    /** Authentic messages handed to the core so far, by type name (in type order). */
    Map<String, Long> acceptedByType() {
        Map<String, Long> out = new LinkedHashMap<>();
        new TreeMap<>(acceptedByType).forEach((t, n) -> out.put(MessageType.name(t), n.sum()));
        return out;
    }

    /** Client requests left unverified on arrival (see FirstCopyDeferral). */
    long deferredRequests() {
        return deferral == null ? 0 : deferral.deferred();
    }

    /** Votes for executed sequence numbers set aside unverified (see LateVoteFilter). */
    long lateVotes() {
        return lateVotes == null ? 0 : lateVotes.skipped();
    }

    ReplyChannelTable replyChannels() {
        return replyChannels;
    }

    /** The connection a client last sent an authentic request on, or null. */
    Connection clientConnection(int clientId) {
        return clientConnections.get(clientId);
    }

    static DropReason classify(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("bad signature")) {
            return DropReason.BAD_SIGNATURE;
        }
        if (r.contains("unknown sender")) {
            return DropReason.UNKNOWN_SENDER;
        }
        if (r.contains("non-replica") || r.contains("claims client")) {
            return DropReason.UNEXPECTED_SENDER;
        }
        return DropReason.MALFORMED;
    }
}
