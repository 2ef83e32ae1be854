package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;

/**
 * Pure client side of PBFT (OSDI '99 section 4.1; BFT-SMaRt's ServiceProxy): numbers requests
 * monotonically, signs them, sends them to all replicas, accepts a result once f+1 distinct
 * replicas reply with the same bytes for the current request, and retransmits with exponential
 * backoff until an overall deadline. One outstanding request at a time; no I/O, clock or threads.
 */
public final class ClientCore {
    private final String swarm;
    private final int clientId;
    private final SigningKey key;
    private final Quorums quorums;
    private final long initialTimeoutMs;
    private final long maxTimeoutMs;
    private final long giveUpAfterMs;
    private long nextRequestNumber;
    private Signed outstanding;
    private long outstandingNumber = -1;
    private long startedAt;
    private long nextRetransmit;
    private long currentTimeout;
    private final TreeMap<Integer, Reply> replies = new TreeMap<>();

    /**
     * @param firstRequestNumber must exceed every number this client id used before (e.g. derived
     *                           from wall time by the runtime), or replicas treat requests as duplicates.
     */
    public ClientCore(
            String swarm,
            int clientId,
            SigningKey key,
            Quorums quorums,
            long firstRequestNumber,
            long initialTimeoutMs,
            long maxTimeoutMs,
            long giveUpAfterMs) {
        Invariants.check(initialTimeoutMs > 0 && maxTimeoutMs >= initialTimeoutMs, "bad client timeouts");
        this.swarm = swarm;
        this.clientId = clientId;
        this.key = key;
        this.quorums = quorums;
        this.nextRequestNumber = firstRequestNumber;
        this.initialTimeoutMs = initialTimeoutMs;
        this.maxTimeoutMs = maxTimeoutMs;
        this.giveUpAfterMs = giveUpAfterMs;
    }

    public int clientId() {
        return clientId;
    }

    public boolean busy() {
        return outstanding != null;
    }

    public long outstandingRequestNumber() {
        return outstandingNumber;
    }

    /** Starts a new request; the caller sends the returned effect's request to all replicas. */
    public ClientEffect.SendToAll submit(byte[] operation, long now) {
        Invariants.check(
                outstanding == null, "client %d already has request %d outstanding", clientId, outstandingNumber);
        outstandingNumber = nextRequestNumber++;
        outstanding = Signed.sign(swarm, key, clientId, new Request(clientId, outstandingNumber, operation));
        replies.clear();
        startedAt = now;
        currentTimeout = initialTimeoutMs;
        nextRetransmit = now + currentTimeout;
        return new ClientEffect.SendToAll(outstanding);
    }

    /** An authenticated reply from replica {@code replicaId}; returns Completed once f+1 match. */
    public List<ClientEffect> onReply(int replicaId, Reply reply) {
        return onReply(replicaId, reply, false);
    }

    /**
     * As {@link #onReply(int, Reply)}; with {@code sameSequence}, replies match only if they also name
     * the same execution sequence (what f+1 reply certificates must agree on to prove one execution).
     */
    public List<ClientEffect> onReply(int replicaId, Reply reply, boolean sameSequence) {
        List<ClientEffect> out = new ArrayList<>();
        if (outstanding == null
                || reply.clientId() != clientId
                || reply.requestNumber() != outstandingNumber
                || replicaId < 0
                || replicaId >= quorums.n()) {
            return out;
        }
        replies.put(replicaId, reply);
        int matching = 0;
        for (Reply r : replies.values()) {
            if (Arrays.equals(r.result(), reply.result()) && (!sameSequence || r.sequence() == reply.sequence())) {
                matching++;
            }
        }
        if (matching >= quorums.reply()) {
            out.add(new ClientEffect.Completed(outstandingNumber, reply.result()));
            outstanding = null;
        }
        return out;
    }

    /** Retransmits with doubling timeout, or gives up after the overall deadline. */
    public List<ClientEffect> tick(long now) {
        List<ClientEffect> out = new ArrayList<>();
        if (outstanding == null) {
            return out;
        }
        if (now - startedAt >= giveUpAfterMs) {
            out.add(new ClientEffect.Failed(
                    outstandingNumber, "no " + quorums.reply() + " matching replies within " + giveUpAfterMs + " ms"));
            outstanding = null;
            return out;
        }
        if (now >= nextRetransmit) {
            currentTimeout = Math.min(maxTimeoutMs, currentTimeout * 2);
            nextRetransmit = now + currentTimeout;
            out.add(new ClientEffect.SendToAll(outstanding));
        }
        return out;
    }
}
