package org.bftswarm.consensus.storage;

import org.bftswarm.consensus.core.DurableStore;

/** A replica's durable log as the runtime uses it: the core's {@link DurableStore} plus commit count and close. */
public interface ReplicaLog extends DurableStore, AutoCloseable {
    /** Group commits so far (one per non-empty {@link #apply}). */
    long commits();

    @Override
    void close();
}
