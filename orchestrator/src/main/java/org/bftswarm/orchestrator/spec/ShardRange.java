package org.bftswarm.orchestrator.spec;

import org.bftswarm.crypto.Invariants;

/**
 * The slice of a dataset one shard holds: elements {@code [start, end)}. A dataset of {@code len}
 * elements cut into {@code shards} slices is split contiguously and near-evenly: every slice holds
 * {@code len / shards} elements and the first {@code len % shards} slices one more, so concatenating
 * the slices in shard order gives the dataset back.
 */
public record ShardRange(int index, int start, int end) {

    public ShardRange {
        Invariants.check(index >= 0 && start >= 0 && end >= start, "bad shard range %s [%s, %s)", index, start, end);
    }

    /** Slice {@code index} of {@code len} elements cut into {@code shards}. */
    public static ShardRange of(int len, int shards, int index) {
        Invariants.check(shards >= 1 && index >= 0 && index < shards, "shard %s of %s", index, shards);
        int base = len / shards;
        int extra = len % shards;
        int start = index * base + Math.min(index, extra);
        int size = base + (index < extra ? 1 : 0);
        return new ShardRange(index, start, start + size);
    }

    public int size() {
        return end - start;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
