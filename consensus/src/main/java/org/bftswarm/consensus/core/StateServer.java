package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Message.StateRequest;

/**
 * The serving side of state transfer (PBFT TOCS 2002 section 6.2): answers a STATE-REQUEST for a
 * chunk of the current stable checkpoint, or of an earlier one still retained, with the chunk and
 * its Merkle path ({@link SnapshotTree}). Earlier stable checkpoints are kept newest first within
 * the maximum snapshot size in bytes, so a fetch that started at a checkpoint can finish there while
 * the cluster moves on. Merkle trees are built on first request and cached for a few checkpoints.
 */
final class StateServer {
    private static final int CACHED_TREES = 3;
    private final Replica r;
    private final TreeMap<Long, StableCheckpoint> retained = new TreeMap<>();
    /** Access-ordered (deterministic: driven only by the order of requests). */
    private final LinkedHashMap<Long, SnapshotTree> trees = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SnapshotTree> eldest) {
            return size() > CACHED_TREES;
        }
    };

    StateServer(Replica r) {
        this.r = r;
    }

    /** Keeps the outgoing stable checkpoint servable, within the byte bound. */
    void retainOutgoing(StableCheckpoint old, long incomingSeq) {
        if (old == null || old.snapshot() == null || old.seq() == incomingSeq || old.seq() == 0) {
            return;
        }
        retained.put(old.seq(), old);
        long bytes = 0;
        for (Long seq : new ArrayList<>(retained.descendingKeySet())) {
            bytes += retained.get(seq).snapshot().length;
            if (bytes > r.cfg.maxSnapshotBytes()) {
                retained.remove(seq);
                trees.remove(seq);
            }
        }
    }

    void onStateRequest(int from, StateRequest req) {
        StableCheckpoint cp = r.stable.seq() == req.seq() ? r.stable : retained.get(req.seq());
        if (cp == null || cp.snapshot() == null) {
            return;
        }
        int chunkBytes = r.cfg.stateChunkBytes();
        SnapshotTree tree = trees.get(cp.seq());
        if (tree == null) {
            tree = SnapshotTree.build(cp.snapshot(), chunkBytes);
            if (!tree.digest().equals(cp.digest())) {
                r.dropped(r.id, "own checkpoint " + cp.seq() + " was certified with another chunk size: not served");
                return;
            }
            trees.put(cp.seq(), tree);
        }
        int total = tree.chunkCount();
        if (req.chunk() >= total) {
            r.dropped(from, "state request for chunk " + req.chunk() + " of " + total);
            return;
        }
        int off = req.chunk() * chunkBytes;
        byte[] data = Arrays.copyOfRange(cp.snapshot(), off, Math.min(cp.snapshot().length, off + chunkBytes));
        r.send(
                from,
                r.sign(new StateChunk(
                        cp.seq(), req.chunk(), total, cp.snapshot().length, data, tree.proof(req.chunk()))));
    }
}
