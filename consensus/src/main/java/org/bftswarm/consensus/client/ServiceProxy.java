package org.bftswarm.consensus.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * {@link #invokeAsync} queues behind the one outstanding request. Thread-safe.
 */
public final class ServiceProxy implements AutoCloseable {
    private final ClientNetwork network;
    private final int clientId;
    private final ClientCore core;
    private final ArrayDeque<Invocation> queue = new ArrayDeque<>();
    private final Set<Integer> heardFrom = new TreeSet<>();
    private Invocation current;
    private boolean closed;

    private static final class Invocation {
        final byte[] operation;
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        long requestNumber;

        Invocation(byte[] operation) {
            this.operation = operation;
        }
    }

    public ServiceProxy(ClientNetwork network, int clientId, SigningKey key, ClientOptions options) {
        this.network = network;
        this.clientId = clientId;
        // request numbers must grow across client restarts: start from the wall clock in microseconds
        this.core = new ClientCore(
                network.cluster().swarm(),
                clientId,
                key,
                new Quorums(network.cluster().n()),
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
        Invocation inv = new Invocation(operation.clone());
        synchronized (this) {
            if (closed) {
                inv.result.completeExceptionally(new IllegalStateException("proxy closed"));
                return inv.result;
            }
            queue.addLast(inv);
        }
        startNext();
        return inv.result;
    }

    private void startNext() {
        ClientEffect.SendToAll send;
        synchronized (this) {
            if (current != null || queue.isEmpty()) {
                return;
            }
            current = queue.pollFirst();
            heardFrom.clear();
            send = core.submit(current.operation, System.currentTimeMillis());
            current.requestNumber = core.outstandingRequestNumber();
        }
        network.sendToAll(frame(send));
    }

    private byte[] frame(ClientEffect.SendToAll send) {
        return send.request().envelope(network.cluster().swarm()).encode();
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
        List<ClientEffect> effects;
        synchronized (this) {
            if (current != inv || !heardFrom.add(replica)) {
                return;
            }
            effects = core.onReply(replica, reply);
            if (effects.stream().anyMatch(e -> e instanceof ClientEffect.Completed)) {
                current = null;
            }
        }
        handle(inv, effects, null);
    }

    private void handle(Invocation inv, List<ClientEffect> effects, String heard) {
        boolean finished = false;
        for (ClientEffect e : effects) {
            if (e instanceof ClientEffect.SendToAll s) {
                network.sendToAll(frame(s));
            } else if (e instanceof ClientEffect.Completed c) {
                inv.result.complete(c.result());
                finished = true;
            } else if (e instanceof ClientEffect.Failed f) {
                inv.result.completeExceptionally(new ConsensusTimeoutException("client " + clientId + " request "
                        + f.requestNumber() + ": " + f.reason() + " (authentic replies from replicas " + heard + ")"));
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
        abandoned.forEach(i -> i.result.completeExceptionally(new IllegalStateException("proxy closed")));
        network.unregister(this);
    }
}
