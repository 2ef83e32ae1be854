package org.bftswarm.consensus.client;

import org.bftswarm.crypto.Digest;

/**
 * One replica's signed statement about one executed request: replica {@code replica} executed request
 * {@code requestNumber} of client {@code clientId} at sequence {@code sequence}, and its result has
 * SHA-256 {@code resultDigest}. Transferable: anyone holding the replica's public key can check it
 * ({@link ReplyCertificate#verifies}), unlike the MAC of the reply channel it travelled on.
 */
public record ReplySignature(
        int replica, int clientId, long requestNumber, long sequence, Digest resultDigest, byte[] signature) {
    public ReplySignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
