package org.bftswarm.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cluster node in the API's JSON: the scheduler's view of its state plus the soft CRDT data
 * (capacity, usage, per-node counters, and the invalid entries counted as evidence against it).
 *
 * @param id             replica/node id 0..n-1
 * @param state          scheduler state name (e.g. UP, SUSPECTED, DOWN)
 * @param apiUrl         base URL of that node's API
 * @param capacity       registered capacity
 * @param usage          resources held by the node's running tasks
 * @param counters       per-node counters (tasks run, CPU seconds, …), sorted by name
 * @param invalidEntries CRDT entries from this node that failed verification
 * @param disputedResults reports of this node that differed from a result a quorum accepted
 * @param quarantined    whether it gets no new tasks for that until f+1 nodes readmit it
 */
public record NodeJson(
        int id,
        String state,
        String apiUrl,
        Resources capacity,
        Resources usage,
        Map<String, Long> counters,
        long invalidEntries,
        int disputedResults,
        boolean quarantined) {
    public NodeJson {
        counters = counters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counters));
    }
}
