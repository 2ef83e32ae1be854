package org.bftswarm.consensus.core;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything {@link Replica#recover} needs after a crash: last view, stable checkpoint (or null),
 * slots above it, and the snapshots of its own checkpoints above it (seq to snapshot bytes).
 */
public record PersistedState(
        long view, StableCheckpoint stable, SortedMap<Long, SlotRecord> slots, SortedMap<Long, byte[]> ownCheckpoints) {
    public PersistedState {
        slots = new TreeMap<>(slots);
        ownCheckpoints = new TreeMap<>(ownCheckpoints);
    }

    /** A state with no own checkpoints above the stable one. */
    public PersistedState(long view, StableCheckpoint stable, SortedMap<Long, SlotRecord> slots) {
        this(view, stable, slots, new TreeMap<>());
    }

    public static PersistedState empty() {
        return new PersistedState(0, null, new TreeMap<>());
    }
}
