package org.bftswarm.orchestrator.ops;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.SigningKey;

/**
 * What a client signs for a {@link ClientOperation}: a domain tag, the swarm name, the client's name,
 * the request number and the operation's canonical bytes ({@link OperationCodec#encode}), each length-
 * prefixed, so a signature made for one swarm, client, request or operation type never verifies as
 * another. The scheduler recomputes these bytes from the decoded operation, so only the canonical
 * encoding the client signed can pass.
 */
public final class ClientSigning {
    static final String DOMAIN = "bftswarm client operation v1";

    private ClientSigning() {}

    public static byte[] signedBytes(String swarm, String client, long requestNumber, Operation operation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, DOMAIN.getBytes(StandardCharsets.UTF_8));
        field(out, swarm.getBytes(StandardCharsets.UTF_8));
        field(out, client.getBytes(StandardCharsets.UTF_8));
        field(out, Long.toString(requestNumber).getBytes(StandardCharsets.UTF_8));
        field(out, OperationCodec.encode(operation));
        return out.toByteArray();
    }

    /** The signed operation a client sends: {@code operation} as request {@code requestNumber}. */
    public static ClientOperation sign(
            String swarm, String client, long requestNumber, Operation operation, SigningKey key) {
        byte[] signature = key.sign(signedBytes(swarm, client, requestNumber, operation));
        return new ClientOperation(client, requestNumber, operation, hex(signature));
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }
}
