package org.bftswarm.consensus.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.core.ClientCore;
import org.bftswarm.consensus.core.ClientEffect;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.SigningKey;

/**
 * Invokes operations on the replicated service, in the shape of BFT-SMaRt's {@code ServiceProxy}.
 * The protocol logic is the core's pure {@link ClientCore} (PBFT section 4.1): each request is signed
 * with the client key and sent to every replica, the result is the one f+1 replicas return with
 * identical bytes, and an unanswered request is retransmitted to all replicas with doubling timeouts
 * (so backups start view-change timers when the primary is silent) until the invocation timeout, which
 * surfaces as {@link ConsensusTimeoutException}. This class adds threads and I/O: reply signatures are
 * checked before a reply reaches the core (at most once per replica per request), and
 * {@link #invokeAsync} queues behind the one outstanding request. {@link #invokeAsyncCertified} also
 * returns the f+1 {@link ReplyCertificate} signatures the result was accepted on: for such a request a
 * reply counts only once its certificate verifies under its replica's key, and f+1 must match in result
 * and execution sequence, so every certificate returned is valid and all certify one execution of the
 * accepted result. Thread-safe.
 */
public final class ServiceProxy implements AutoCloseable {
    private final ClientNetwork network;
    private final int clientId;
    private final ClientCore core;
    private final ArrayDeque<Invocation> queue = new ArrayDeque<>();
    private final Quorums quorums;
    private final Set<Integer> heardFrom = new TreeSet<>();
    private final Map<Integer, Message.Reply> replies = new TreeMap<>();
    private Invocation current;
    private boolean closed;

    private static final class Invocation {
        final byte[] operation;
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        /** Non-null when the caller wants the reply certificates (and replies are verified for them). */
        final CompletableFuture<CertifiedResult> certified;

        long requestNumber;

        Invocation(byte[] operation, boolean certified) {
            this.operation = operation;
            this.certified = certified ? new CompletableFuture<>() : null;
        }

        void fail(RuntimeException e) {
            result.completeExceptionally(e);
            if (certified != null) {
                certified.completeExceptionally(e);
            }
        }
    }

    public ServiceProxy(ClientNetwork network, int clientId, SigningKey key, ClientOptions options) {
        this.network = network;
        this.clientId = clientId;
        this.quorums = new Quorums(network.cluster().n());
        // request numbers must grow across client restarts: start from the wall clock in microseconds
        this.core = new ClientCore(
                network.cluster().swarm(),
                clientId,
                key,
                quorums,
                System.currentTimeMillis() * 1000L,
                options.retransmitMinMillis(),
                options.retransmitMaxMillis(),
                options.invokeTimeoutMillis());
        network.register(this);
    }

    public int clientId() {
        return clientId;
    }

    /** Blocks until f+1 replicas agree on the result; throws {@link ConsensusTimeoutException} on timeout. */
    public byte[] invoke(byte[] operation) {
        try {
            return invokeAsync(operation).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Queues the operation; the future completes with the f+1-agreed result or a timeout exception. */
    public CompletableFuture<byte[]> invokeAsync(byte[] operation) {
        return enqueue(new Invocation(operation.clone(), false)).result;
    }

    /**
     * As {@link #invokeAsync}, completing with the result and the f+1 valid reply certificates (distinct
     * replicas, all over this result's digest) it was accepted on.
     */
    public CompletableFuture<CertifiedResult> invokeAsyncCertified(byte[] operation) {
        return enqueue(new Invocation(operation.clone(), true)).certified;
    }

    private Invocation enqueue(Invocation inv) {
        synchronized (this) {
            if (closed) {
                inv.fail(new IllegalStateException("proxy closed"));
                return inv;
            }
            queue.addLast(inv);
        }
        startNext();
        return inv;
    }

    private void startNext() {
        ClientEffect.SendToAll send;
        synchronized (this) {
            if (current != null || queue.isEmpty()) {
                return;
            }
            current = queue.pollFirst();
            heardFrom.clear();
            replies.clear();
            send = core.submit(current.operation, System.currentTimeMillis());
            current.requestNumber = core.outstandingRequestNumber();
        }
        network.sendToAll(frame(send));
    }

    private byte[] frame(ClientEffect.SendToAll send) {
        return send.request().envelope(network.cluster().swarm()).encode();
    }

    /** Whether an invocation is in flight or waiting (its timers need the network's fast tick). */
    synchronized boolean busy() {
        return current != null || !queue.isEmpty();
    }

    /** Driven by the network's ticker: retransmission and the invocation deadline. */
    void tick(long nowMillis) {
        List<ClientEffect> effects;
        Invocation inv;
        String heard;
        synchronized (this) {
            inv = current;
            if (inv == null) {
                return;
            }
            effects = core.tick(nowMillis);
            heard = heardFrom.toString();
            if (effects.stream().anyMatch(e -> e instanceof ClientEffect.Failed)) {
                current = null;
            }
        }
        handle(inv, effects, heard);
    }

    /**
     * Called by the network's reply pool with a reply from {@code replica}: already authenticated by its
     * reply channel when {@code signed} is null, else checked here against the envelope's signature.
     */
    void onReply(int replica, Message.Reply reply, SignedEnvelope signed) {
        Invocation inv;
        synchronized (this) {
            inv = current;
            if (inv == null || reply.requestNumber() != inv.requestNumber || heardFrom.contains(replica)) {
                return;
            }
        }
        if (signed != null && !network.authentic(signed)) {
            return;
        }
        if (inv.certified != null && !network.certifies(replica, ReplyCertificate.of(replica, reply))) {
            return;
        }
        List<ClientEffect> effects;
        List<ReplySignature> certificates = List.of();
        synchronized (this) {
            if (current != inv || !heardFrom.add(replica)) {
                return;
            }
            replies.put(replica, reply);
            effects = core.onReply(replica, reply, inv.certified != null);
            for (ClientEffect e : effects) {
                if (e instanceof ClientEffect.Completed) {
                    current = null;
                    certificates = certificatesMatching(reply);
                }
            }
        }
        handle(inv, effects, null, certificates);
    }

    /** The certificates of the first f+1 replicas (by id) whose reply has {@code last}'s result and sequence. */
    private List<ReplySignature> certificatesMatching(Message.Reply last) {
        List<ReplySignature> out = new ArrayList<>();
        for (Map.Entry<Integer, Message.Reply> e : replies.entrySet()) {
            Message.Reply r = e.getValue();
            if (out.size() < quorums.reply()
                    && r.sequence() == last.sequence()
                    && Arrays.equals(r.result(), last.result())) {
                out.add(ReplyCertificate.of(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private void handle(Invocation inv, List<ClientEffect> effects, String heard) {
        handle(inv, effects, heard, List.of());
    }

    private void handle(Invocation inv, List<ClientEffect> effects, String heard, List<ReplySignature> certificates) {
        boolean finished = false;
        for (ClientEffect e : effects) {
            if (e instanceof ClientEffect.SendToAll s) {
                network.sendToAll(frame(s));
            } else if (e instanceof ClientEffect.Completed c) {
                inv.result.complete(c.result());
                if (inv.certified != null) {
                    inv.certified.complete(new CertifiedResult(c.result(), certificates));
                }
                finished = true;
            } else if (e instanceof ClientEffect.Failed f) {
                inv.fail(new ConsensusTimeoutException("client " + clientId + " request " + f.requestNumber() + ": "
                        + f.reason() + " (authentic replies from replicas " + heard + ")"));
                finished = true;
            }
        }
        if (finished) {
            startNext();
        }
    }

    @Override
    public void close() {
        List<Invocation> abandoned;
        synchronized (this) {
            closed = true;
            abandoned = new ArrayList<>(queue);
            queue.clear();
        }
        abandoned.forEach(i -> i.fail(new IllegalStateException("proxy closed")));
        network.unregister(this);
    }
}
