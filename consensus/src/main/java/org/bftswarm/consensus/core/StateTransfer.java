package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * One in-progress fetch of a certified checkpoint snapshot (PBFT TOCS 2002 section 6.2, state
 * transfer): chunks are requested one at a time from one signer of the checkpoint proof, copied
 * into a single buffer bounded by the configured maximum, and the whole is accepted only if its
 * SHA-256 equals the certified digest. A bad source is abandoned for the next signer.
 */
final class StateTransfer {
    final long seq;
    final Digest digest;
    final List<Signed> proof;
    private final List<Integer> sources = new ArrayList<>();
    private int sourceIndex;
    private byte[] buffer;
    private int totalChunks = -1;
    private int nextChunk;
    private int switches;
    long lastProgress;

    /** Outcome of one chunk. */
    enum Result { PROGRESS, COMPLETE, BAD, IGNORED }

    StateTransfer(long seq, Digest digest, List<Signed> proof, int self, int n, long now) {
        this.seq = seq;
        this.digest = digest;
        this.proof = proof;
        for (Signed s : proof) {
            if (s.sender() != self && !sources.contains(s.sender())) {
                sources.add(s.sender());
            }
        }
        for (int i = 0; i < n; i++) {
            if (i != self && !sources.contains(i)) {
                sources.add(i);
            }
        }
        this.lastProgress = now;
    }

    int source() {
        return sources.get(sourceIndex % sources.size());
    }

    int nextChunk() {
        return nextChunk;
    }

    /** True once at least one chunk of this target has been accepted from the current source. */
    boolean hasProgress() {
        return nextChunk > 0;
    }

    /**
     * How long to wait for the current source before switching: {@code base}, doubled with every
     * switch (up to 32x), so a transfer still completes when round trips exceed the base on a loaded
     * machine (otherwise each source is abandoned just before its answer arrives, forever).
     */
    long patience(long base) {
        return base << Math.min(switches, 5);
    }

    /** Restart from chunk 0 with the next source. */
    void switchSource(long now) {
        sourceIndex++;
        switches++;
        buffer = null;
        totalChunks = -1;
        nextChunk = 0;
        lastProgress = now;
    }

    Result accept(int from, StateChunk c, int chunkBytes, int maxSnapshot, long now) {
        if (from != source() || c.seq() != seq || c.chunk() != nextChunk) {
            return Result.IGNORED;
        }
        if (c.totalLength() > maxSnapshot || c.totalLength() < 0) {
            return Result.BAD;
        }
        int expectedChunks = Math.max(1, (c.totalLength() + chunkBytes - 1) / chunkBytes);
        if (c.totalChunks() != expectedChunks || (totalChunks >= 0 && (c.totalChunks() != totalChunks
                || c.totalLength() != buffer.length))) {
            return Result.BAD;
        }
        int offset = c.chunk() * chunkBytes;
        int expectedLen = Math.min(chunkBytes, c.totalLength() - offset);
        if (c.data().length != expectedLen) {
            return Result.BAD;
        }
        if (buffer == null) {
            buffer = new byte[c.totalLength()];
            totalChunks = c.totalChunks();
        }
        System.arraycopy(c.data(), 0, buffer, offset, expectedLen);
        nextChunk++;
        lastProgress = now;
        if (nextChunk < totalChunks) {
            return Result.PROGRESS;
        }
        return Digest.sha256(buffer).equals(digest) ? Result.COMPLETE : Result.BAD;
    }

    byte[] snapshot() {
        return buffer;
    }
}
