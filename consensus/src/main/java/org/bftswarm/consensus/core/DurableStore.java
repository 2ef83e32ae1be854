package org.bftswarm.consensus.core;

import java.util.List;

/**
 * The durable log contract of the core (DESIGN.md "Durability"). The runtime implements it on
 * MapDB; the simulator keeps an {@link InMemoryDurableStore} across simulated crashes.
 */
public interface DurableStore {
    /** Applies the ops in order, atomically (one transaction), and returns only when durable. */
    void apply(List<PersistOp> ops);

    /** The state built from every op applied so far. */
    PersistedState load();
}
