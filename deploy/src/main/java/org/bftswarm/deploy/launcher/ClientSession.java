package org.bftswarm.deploy.launcher;

import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Operation;

/**
 * A user client signing its operations for one swarm. Request numbers are microseconds since the
 * epoch, strictly increasing within the process, so separate CLI runs of the same client need no
 * shared counter and the replicas' replay window accepts each number once.
 */
public final class ClientSession {
    private static final AtomicLong LAST = new AtomicLong();

    private final String swarm;
    private final String client;
    private final SigningKey key;

    public ClientSession(String swarm, String client, SigningKey key) {
        this.swarm = swarm;
        this.client = client;
        this.key = key;
    }

    public String client() {
        return client;
    }

    public ClientOperation sign(Operation operation) {
        return ClientSigning.sign(swarm, client, nextRequestNumber(), operation, key);
    }

    static long nextRequestNumber() {
        long now = System.currentTimeMillis() * 1000;
        return LAST.updateAndGet(prev -> Math.max(prev + 1, now));
    }
}
