package org.bftswarm.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ReplySignature;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;

/**
 * Node {@code i}'s consensus clients (BFT-SMaRt-style {@link ServiceProxy}s):
 * one proxy as node principal {@code 1000 + i} for worker reports and liveness operations, and a
 * pool of API proxies ({@link NodePrincipalIds#apiClientId}) so that concurrent API writes do not
 * queue behind one outstanding request. Every proxy signs with the node's key; results are the
 * reply f+1 replicas agree on, decoded as a scheduler {@link Reply}.
 */
public final class OperationClient implements AutoCloseable {
    private final ServiceProxy nodeProxy;
    private final List<ServiceProxy> apiPool = new ArrayList<>();
    private final AtomicInteger nextApi = new AtomicInteger();

    public OperationClient(
            ClientNetwork network, int nodeId, SigningKey key, ClientOptions nodeOptions, ClientOptions apiOptions) {
        this.nodeProxy = new ServiceProxy(network, NodePrincipalIds.nodeClientId(nodeId), key, nodeOptions);
        for (int k = 0; k < NodePrincipalIds.API_POOL_SIZE; k++) {
            apiPool.add(new ServiceProxy(network, NodePrincipalIds.apiClientId(nodeId, k), key, apiOptions));
        }
    }

    /** Orders {@code op} as this node's principal (1000 + i); queued behind earlier node operations. */
    public CompletableFuture<Reply> asNode(Operation op) {
        return invoke(nodeProxy, op);
    }

    /** A submission through the API pool: which client id signed it and the future reply. */
    public record Submitted(int clientId, CompletableFuture<Reply> reply) {}

    /** Orders {@code op} through the next API proxy (round robin). */
    public Submitted viaApi(Operation op) {
        ServiceProxy proxy = apiPool.get(Math.floorMod(nextApi.getAndIncrement(), apiPool.size()));
        return new Submitted(proxy.clientId(), invoke(proxy, op));
    }

    /** A scheduler reply with the result bytes it decodes from and the f+1 signed reply certificates over them. */
    public record CertifiedReply(Reply reply, byte[] result, List<ReplySignature> certificates) {}

    /**
     * Orders {@code op} through the next API proxy, as {@link #viaApi}, completing with the f+1 valid
     * reply certificates the result was accepted on: what lets the caller's client check the outcome.
     */
    public CompletableFuture<CertifiedReply> viaApiCertified(Operation op) {
        ServiceProxy proxy = apiPool.get(Math.floorMod(nextApi.getAndIncrement(), apiPool.size()));
        return proxy.invokeAsyncCertified(OperationCodec.encode(op))
                .thenApply(c -> new CertifiedReply(decode(c.result()), c.result(), c.replies()));
    }

    /** Orders {@code op} as {@code clientId}, which must be one of this node's ids. */
    public CompletableFuture<Reply> as(int clientId, Operation op) {
        if (clientId == nodeProxy.clientId()) {
            return asNode(op);
        }
        for (ServiceProxy p : apiPool) {
            if (p.clientId() == clientId) {
                return invoke(p, op);
            }
        }
        throw new IllegalArgumentException("client id " + clientId + " is not one of this node's");
    }

    /** True if {@code clientId} is one of the ids this client signs as. */
    public boolean owns(int clientId) {
        return clientId == nodeProxy.clientId() || apiPool.stream().anyMatch(p -> p.clientId() == clientId);
    }

    private static CompletableFuture<Reply> invoke(ServiceProxy proxy, Operation op) {
        return proxy.invokeAsync(OperationCodec.encode(op)).thenApply(OperationClient::decode);
    }

    private static Reply decode(byte[] bytes) {
        return ReplyCodec.decode(bytes)
                .orElseThrow(() -> new IllegalStateException("f+1 replicas agreed on an undecodable reply"));
    }

    @Override
    public void close() {
        nodeProxy.close();
        apiPool.forEach(ServiceProxy::close);
    }
}
