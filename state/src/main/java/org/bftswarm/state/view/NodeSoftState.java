package org.bftswarm.state.view;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The soft state of one node: everything the CRDT store knows about it (heartbeat, advertised
 * capacity, usage, counters), for {@code GET /api/v1/nodes} and {@code bftswarm status}. Not ordered
 * by consensus; the scheduler's replicated picture of a node is a different thing.
 */
public record NodeSoftState(
        int node,
        Optional<Heartbeat> heartbeat,
        Optional<NodeCapacity> capacity,
        Optional<NodeUsage> usage,
        SortedMap<NodeCounter, Long> counters) {}
