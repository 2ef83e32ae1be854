package org.bftswarm.consensus.core;

import java.util.List;

/**
 * The durable log contract of the core: everything the core asks to persist in one outbox is durable
 * before any message of that outbox leaves, so a restarted replica never contradicts what it signed.
 * The runtime implements it as {@code JournalReplicaLog} (the default: slots appended to a CRC-framed
 * journal, the stable checkpoint in MapDB) or {@code MapDbReplicaLog}; the simulator keeps an
 * {@link InMemoryDurableStore} across simulated crashes.
 */
public interface DurableStore {
    /** Applies the ops in order, atomically (one transaction), and returns only when durable. */
    void apply(List<PersistOp> ops);

    /** The state built from every op applied so far. */
    PersistedState load();
}
