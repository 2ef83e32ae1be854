package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.crypto.KeyRegistry;

/**
 * The consensus-only workload: closed-loop clients submit random 8-byte operations
 * to the hash-chain {@link TestStateMachine}, 10..80 ms apart; after healing each must complete
 * {@code requestsAfterHeal} more requests within the liveness bound.
 */
final class ChainWorkload implements SimWorkload {
    private static final class Client {
        long completed;
        long target = Long.MAX_VALUE;
        long nextSubmitAt;
    }

    private final int requestsAfterHeal;
    private final TreeMap<Integer, Client> clients = new TreeMap<>();

    ChainWorkload(int clients, int requestsAfterHeal) {
        this.requestsAfterHeal = requestsAfterHeal;
        for (int c = 0; c < clients; c++) {
            this.clients.put(KeyRegistry.FIRST_CLIENT_ID + c, new Client());
        }
    }

    @Override
    public List<Integer> clientIds() {
        return new ArrayList<>(clients.keySet());
    }

    @Override
    public ReplicatedStateMachine newStateMachine(int replica) {
        return new TestStateMachine(null);
    }

    @Override
    public void start(SimContext ctx) {
        for (Client c : clients.values()) {
            c.nextSubmitAt = ctx.random().nextInt(20);
        }
    }

    @Override
    public byte[] nextOperation(SimContext ctx, int clientId) {
        Client c = clients.get(clientId);
        if (c.completed >= c.target || ctx.now() < c.nextSubmitAt) {
            return null;
        }
        byte[] op = new byte[8];
        ctx.random().nextBytes(op);
        return op;
    }

    @Override
    public void completed(SimContext ctx, int clientId, long requestNumber, byte[] operation, byte[] result) {
        Client c = clients.get(clientId);
        c.completed++;
        c.nextSubmitAt = ctx.now() + 10 + ctx.random().nextInt(70);
    }

    @Override
    public void healed(SimContext ctx) {
        clients.forEach((id, c) -> c.target = c.completed + (ctx.busy(id) ? 1 : 0) + requestsAfterHeal);
    }

    @Override
    public boolean finished(SimContext ctx) {
        for (Client c : clients.values()) {
            if (c.completed < c.target) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean replicasMustConverge() {
        return true;
    }

    @Override
    public String progress(SimContext ctx) {
        StringBuilder sb = new StringBuilder();
        clients.forEach((id, c) -> {
            if (c.completed < c.target) {
                sb.append(" client ")
                        .append(id)
                        .append(" at ")
                        .append(c.completed)
                        .append('/')
                        .append(c.target);
            }
        });
        return sb.toString();
    }
}
