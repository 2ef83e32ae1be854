package org.bftswarm.orchestrator.ops;

import org.bftswarm.crypto.DomainFrames;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.SigningKey;

/**
 * What a client signs for a {@link ClientOperation}: a domain tag, the swarm name, the client's name,
 * the request number and the operation's canonical bytes ({@link OperationCodec#encode}), framed by
 * {@link DomainFrames}, so a signature made for one swarm, client, request or operation type never verifies as
 * another. The scheduler recomputes these bytes from the decoded operation, so only the canonical
 * encoding the client signed can pass.
 */
public final class ClientSigning {
    static final String DOMAIN = "bftswarm client operation v1";

    private ClientSigning() {}

    public static byte[] signedBytes(String swarm, String client, long requestNumber, Operation operation) {
        return DomainFrames.frame(
                DOMAIN,
                DomainFrames.text(swarm),
                DomainFrames.text(client),
                DomainFrames.text(Long.toString(requestNumber)),
                OperationCodec.encode(operation));
    }

    /** The signed operation a client sends: {@code operation} as request {@code requestNumber}. */
    public static ClientOperation sign(
            String swarm, String client, long requestNumber, Operation operation, SigningKey key) {
        byte[] signature = key.sign(signedBytes(swarm, client, requestNumber, operation));
        return new ClientOperation(client, requestNumber, operation, SignatureHex.encode(signature));
    }
}
