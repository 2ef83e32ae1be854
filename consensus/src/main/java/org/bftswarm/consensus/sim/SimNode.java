package org.bftswarm.consensus.sim;

import org.bftswarm.consensus.core.InMemoryDurableStore;
import org.bftswarm.consensus.core.Replica;
import org.bftswarm.consensus.core.ReplicaConfig;

/** One simulated replica: its core (null while crashed), durable store kept across crashes, and service. */
final class SimNode {
    final int id;
    final ReplicaConfig config;
    final InMemoryDurableStore store = new InMemoryDurableStore();
    final ByzantineAdversary adversary;
    Replica core;
    ObservedStateMachine service;
    long restartAt = -1;
    /** This replica's clock error: its tick time is virtual time plus this offset. */
    long clockOffsetMs;

    SimNode(int id, ReplicaConfig config, ByzantineAdversary adversary) {
        this.id = id;
        this.config = config;
        this.adversary = adversary;
    }

    boolean correct() {
        return adversary == null;
    }

    boolean up() {
        return core != null;
    }
}
