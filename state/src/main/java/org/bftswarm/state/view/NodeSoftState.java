package org.bftswarm.state.view;

import java.util.Optional;
import java.util.SortedMap;

/** Everything the CRDT store knows about one node, for `GET /api/v1/nodes` and `bftswarm status`. */
public record NodeSoftState(
        int node,
        Optional<Heartbeat> heartbeat,
        Optional<NodeCapacity> capacity,
        Optional<NodeUsage> usage,
        SortedMap<NodeCounter, Long> counters) {}
