package org.bftswarm.orchestrator.view;

import java.util.List;
import java.util.Map;

/**
 * Read-only picture of one node as the scheduler sees it: state, capacity, what its ASSIGNED and
 * RUNNING tasks use, labels, which replicas currently suspect it (votes inside the window), how many
 * of its reports differed from a result a quorum accepted, and whether it is quarantined for that.
 */
public record NodeView(
        int id,
        NodeState state,
        double cpus,
        long memoryMb,
        double usedCpus,
        long usedMemoryMb,
        int activeTasks,
        Map<String, String> labels,
        long sinceMillis,
        int timesDown,
        List<Integer> suspectedBy,
        int disputedResults,
        boolean quarantined) {}
