package org.bftswarm.consensus.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.consensus.codec.RequestVerifiers;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.SignedEnvelope;

/**
 * Decides which client requests a replica leaves unverified on arrival. Clients send
 * every request to all replicas, but only the primary (which proposes it) and the f+1 replicas that
 * {@link RequestVerifiers} designates (which vouch for it inside the batch) need to check its signature;
 * the others would spend ~50 us each for nothing. So a backup that is not designated sets the first copy
 * of a client's request aside without verifying it, as PBFT's backups do with requests they never
 * receive directly (the request reaches them inside the pre-prepare). A second copy of the same request
 * (the client retransmitting because it got no answer) is verified and handed to the core as usual, so
 * request timers and view changes against a primary that ignores the client work as before. Nothing
 * deferred is ever trusted: the decision only uses unauthenticated routing fields. During a view change
 * (primary unknown) nothing is deferred.
 */
final class FirstCopyDeferral {
    private final int self;
    private final int n;
    private final int f;
    private final IntSupplier currentPrimary;
    private final Map<Integer, Long> firstCopies = new ConcurrentHashMap<>();
    private final LongAdder deferred = new LongAdder();

    /** {@code currentPrimary}: the primary of the replica's current view, or -1 during a view change. */
    FirstCopyDeferral(int self, int n, IntSupplier currentPrimary) {
        this.self = self;
        this.n = n;
        this.f = Quorums.faultsTolerated(n);
        this.currentPrimary = currentPrimary;
    }

    /**
     * The claimed client of a request this replica may leave unverified, or -1 to process the frame now.
     * {@code env}: the frame as {@link EnvelopeVerifier#peek} decoded it (unauthenticated), or null.
     */
    int deferredClient(SignedEnvelope env) {
        int primary = currentPrimary.getAsInt();
        if (primary < 0 || primary == self) {
            return -1;
        }
        if (env == null || env.type() != MessageType.REQUEST) {
            return -1;
        }
        Decoded<Message> d = Codec.decodeBody(env.type(), env.payload());
        if (!(d instanceof Decoded.Ok<Message> ok)
                || !(ok.value() instanceof Message.Request q)
                || q.clientId() != env.sender()) {
            return -1;
        }
        if (RequestVerifiers.designated(self, primary, q.clientId(), q.requestNumber(), n, f)) {
            return -1;
        }
        Long before = firstCopies.put(q.clientId(), q.requestNumber());
        if (before != null && before == q.requestNumber()) {
            return -1; // a retransmission: verify it and start the request timer
        }
        deferred.increment();
        return q.clientId();
    }

    /** Requests left unverified so far. */
    long deferred() {
        return deferred.sum();
    }
}
