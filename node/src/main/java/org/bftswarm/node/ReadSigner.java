package org.bftswarm.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bftswarm.api.SignedRead;
import org.bftswarm.crypto.SigningKey;

/**
 * Signs this node's read answers with its node key: the answer as JSON, the swarm, the node and the
 * sequence number the answer reflects ({@link SignedRead}). A client that reads f+1 nodes can then
 * accept only what f+1 of them signed, and prove what a lying node said.
 */
final class ReadSigner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String swarm;
    private final int nodeId;
    private final SigningKey key;

    ReadSigner(String swarm, int nodeId, SigningKey key) {
        this.swarm = swarm;
        this.nodeId = nodeId;
        this.key = key;
    }

    SignedRead sign(long sequence, String path, Object answer) {
        String body;
        try {
            body = JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer to " + path + " cannot be written as JSON", e);
        }
        return SignedRead.sign(swarm, nodeId, sequence, path, body, key);
    }
}
