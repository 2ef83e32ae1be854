package org.bftswarm.orchestrator.ops;

import java.util.Map;

/**
 * A node announces (or updates) its capacity and labels; accepted only from that node's own
 * principal. A registration of a DOWN node brings it back UP, like {@link NodeAlive}.
 */
public record RegisterNode(int nodeId, double cpus, long memoryMb, Map<String, String> labels) implements Operation {}
