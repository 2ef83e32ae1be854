package org.bftswarm.consensus.runtime;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.crypto.Digest;

/**
 * A minimal deterministic service for tests and benchmarks (in the spirit of BFT-SMaRt's counter
 * demo): it counts operations and folds every (sequence, timestamp, client, request, operation) into a
 * SHA-256 hash chain, so two replicas have equal digests only if they executed the same operations in
 * the same order. The reply is the new count (8 bytes).
 */
public final class HashChainStateMachine implements ReplicatedStateMachine {
    private long count;
    private byte[] chain = new byte[32];

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        MessageDigest md = sha256();
        md.update(chain);
        md.update(ByteBuffer.allocate(32)
                .putLong(ctx.sequence())
                .putLong(ctx.timestampMillis())
                .putInt(ctx.clientId())
                .putLong(ctx.requestNumber())
                .putInt(operation.length)
                .array());
        md.update(operation);
        chain = md.digest();
        count++;
        return ByteBuffer.allocate(8).putLong(count).array();
    }

    @Override
    public byte[] snapshot() {
        return ByteBuffer.allocate(40).putLong(count).put(chain).array();
    }

    @Override
    public void restore(byte[] snapshot) {
        if (snapshot == null || snapshot.length != 40) {
            throw new IllegalArgumentException("hash-chain snapshot must be 40 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(snapshot);
        count = b.getLong();
        chain = new byte[32];
        b.get(chain);
    }

    @Override
    public Digest digest() {
        return Digest.sha256(snapshot());
    }

    public long count() {
        return count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
