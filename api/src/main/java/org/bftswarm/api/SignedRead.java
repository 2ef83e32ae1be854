package org.bftswarm.api;

import org.bftswarm.crypto.DomainFrames;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * A read answer a node signs, so a client can compare the answers of several nodes and hold each to
 * what it said: the swarm, the answering node, the sequence number its state reflects, the request
 * path, the answer as JSON text ({@code body}), and the node's Ed25519 signature (hex) over all of
 * them framed as in {@code DomainFrames} under the domain {@value #DOMAIN}.
 */
public record SignedRead(String swarm, int node, long sequence, String path, String body, String signature) {
    public static final String DOMAIN = "bftswarm signed read v1";

    /** The bytes the node signs for an answer. */
    public static byte[] signedBytes(String swarm, int node, long sequence, String path, String body) {
        return DomainFrames.frame(
                DOMAIN,
                DomainFrames.text(swarm),
                DomainFrames.text(Integer.toString(node)),
                DomainFrames.text(Long.toString(sequence)),
                DomainFrames.text(path),
                DomainFrames.text(body));
    }

    /** Signs {@code body} as node {@code node}'s answer to {@code path} at {@code sequence}. */
    public static SignedRead sign(String swarm, int node, long sequence, String path, String body, SigningKey key) {
        byte[] signature = key.sign(signedBytes(swarm, node, sequence, path, body));
        return new SignedRead(swarm, node, sequence, path, body, SignatureHex.encode(signature));
    }

    /** Whether {@code key} (the answering node's) signed exactly this answer. */
    public boolean verifiedBy(VerifyingKey key) {
        return SignatureHex.decode(signature)
                .map(sig -> key.verify(signedBytes(swarm, node, sequence, path, body), sig))
                .orElse(false);
    }
}
