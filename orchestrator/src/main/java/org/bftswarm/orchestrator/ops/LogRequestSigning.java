package org.bftswarm.orchestrator.ops;

import org.bftswarm.crypto.DomainFrames;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.SigningKey;

/**
 * What a client signs to read a task's log: a domain tag, the swarm, the client, the task id and the
 * wall-clock time of the request (epoch millis), framed by {@link DomainFrames}. A node serves it only
 * within a freshness window around its own clock, so a captured request cannot be replayed later.
 */
public final class LogRequestSigning {
    static final String DOMAIN = "bftswarm log request v1";
    /** How far a request's time may be from the serving node's clock. */
    public static final long FRESHNESS_MILLIS = 5 * 60_000L;

    private LogRequestSigning() {}

    public static byte[] signedBytes(String swarm, String client, String taskId, long timeMillis) {
        return DomainFrames.frame(
                DOMAIN,
                DomainFrames.text(swarm),
                DomainFrames.text(client),
                DomainFrames.text(taskId),
                DomainFrames.text(Long.toString(timeMillis)));
    }

    /** The hex signature of {@code client}'s request for {@code taskId}'s log at {@code timeMillis}. */
    public static String sign(String swarm, String client, String taskId, long timeMillis, SigningKey key) {
        return SignatureHex.encode(key.sign(signedBytes(swarm, client, taskId, timeMillis)));
    }
}
