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
 * @param gossip         its heartbeat interval as announced in its last signed heartbeat, and, for the
 *                       answering node itself, its gossip mode and the reason; null in answers of nodes
 *                       that predate the field (readers must accept its absence)
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
        boolean quarantined,
        Gossip gossip) {
    public NodeJson {
        counters = counters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    /** A node without gossip details (as older nodes answer). */
    public NodeJson(
            int id,
            String state,
            String apiUrl,
            Resources capacity,
            Resources usage,
            Map<String, Long> counters,
            long invalidEntries,
            int disputedResults,
            boolean quarantined) {
        this(id, state, apiUrl, capacity, usage, counters, invalidEntries, disputedResults, quarantined, null);
    }

    /**
     * How often a node signals.
     *
     * @param intervalMs the heartbeat interval it announced (0: none announced or not heard yet)
     * @param mode       aggressive, normal, conservative or emergency; null when another node answers
     * @param reason     why that mode was chosen; null when another node answers
     * @param heartbeatAt the time (ms since the epoch, by the sender's clock) in its last signed heartbeat the
     *                   answering node holds; null when none was heard
     */
    public record Gossip(long intervalMs, String mode, String reason, Long heartbeatAt) {
        /** Without the heartbeat time (as older nodes answer). */
        public Gossip(long intervalMs, String mode, String reason) {
            this(intervalMs, mode, reason, null);
        }
    }
}
