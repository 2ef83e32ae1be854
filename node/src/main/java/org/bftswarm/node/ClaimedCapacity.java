package org.bftswarm.node;

import java.util.Set;
import org.bftswarm.node.config.CapacitySettings;

/**
 * The CPUs and memory a node claims for itself in its {@code RegisterNode} and its CRDT capacity
 * entry: what its configuration gives it, or {@value #INFLATION} times that under
 * {@link NodeFault#INFLATE_CAPACITY}. The scheduler takes capacity from the configuration every
 * replica holds and refuses a registration that claims more; this lie exists so tests can show that.
 */
record ClaimedCapacity(long cpus, long memoryMb) {
    static final int INFLATION = 1000;

    static ClaimedCapacity of(CapacitySettings configured, Set<NodeFault> faults) {
        long factor = faults.contains(NodeFault.INFLATE_CAPACITY) ? INFLATION : 1;
        return new ClaimedCapacity(configured.cpus() * factor, configured.memoryMb() * factor);
    }

    boolean inflated(CapacitySettings configured) {
        return cpus != configured.cpus() || memoryMb != configured.memoryMb();
    }
}
