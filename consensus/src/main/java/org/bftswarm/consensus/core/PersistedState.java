package org.bftswarm.consensus.core;

import java.util.SortedMap;
import java.util.TreeMap;

/** Everything {@link Replica#recover} needs after a crash: last view, stable checkpoint (or null), slots above it. */
public record PersistedState(long view, StableCheckpoint stable, SortedMap<Long, SlotRecord> slots) {
    public PersistedState {
        slots = new TreeMap<>(slots);
    }

    public static PersistedState empty() {
        return new PersistedState(0, null, new TreeMap<>());
    }
}
