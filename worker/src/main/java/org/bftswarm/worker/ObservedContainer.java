package org.bftswarm.worker;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container as Docker lists it, reduced to what reconciliation decides on: id, state
 * ({@code created}, {@code running}, {@code exited}, …) and labels (copied, sorted).
 */
public record ObservedContainer(String id, String state, Map<String, String> labels) {
    public ObservedContainer {
        state = state == null ? "" : state;
        labels = labels == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** True when the engine reports the container running (or paused/restarting, i.e. alive). */
    public boolean alive() {
        return state.equals("running") || state.equals("paused") || state.equals("restarting");
    }
}
