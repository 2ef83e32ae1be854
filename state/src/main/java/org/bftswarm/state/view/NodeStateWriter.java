package org.bftswarm.state.view;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.entry.CounterComponent;
import org.bftswarm.state.store.LocalWriter;

/**
 * Typed writes of this node's own records: heartbeat, capacity, usage, energy and its
 * counters. Local and non-blocking; dissemination picks the entries up from the store.
 */
public final class NodeStateWriter {
    private final LocalWriter writer;

    public NodeStateWriter(LocalWriter writer) {
        this.writer = writer;
    }

    public int nodeId() {
        return writer.nodeId();
    }

    public Heartbeat heartbeat(long seq, long nowMillis) {
        return heartbeat(seq, nowMillis, 0);
    }

    /** A heartbeat announcing that the next one follows within {@code intervalMillis} (0: not announced). */
    public Heartbeat heartbeat(long seq, long nowMillis, int intervalMillis) {
        Heartbeat h = new Heartbeat(writer.nodeId(), seq, nowMillis, intervalMillis);
        writer.putRegister(Heartbeat.ENTRY_NAME, h.encode(), nowMillis);
        return h;
    }

    public void capacity(NodeCapacity capacity, long nowMillis) {
        Invariants.check(capacity.node() == writer.nodeId(), "capacity must describe this node");
        writer.putRegister(NodeCapacity.ENTRY_NAME, capacity.encode(), nowMillis);
    }

    public void energy(NodeEnergy energy, long nowMillis) {
        Invariants.check(energy.node() == writer.nodeId(), "energy must describe this node");
        writer.putRegister(NodeEnergy.ENTRY_NAME, energy.encode(), nowMillis);
    }

    public void usage(NodeUsage usage, long nowMillis) {
        Invariants.check(usage.node() == writer.nodeId(), "usage must describe this node");
        writer.putRegister(NodeUsage.ENTRY_NAME, usage.encode(), nowMillis);
    }

    /** Adds {@code amount} (non-negative) to this node's counter; returns its new value. */
    public long count(NodeCounter counter, long amount, long nowMillis) {
        CounterComponent c = writer.addToCounter(counter.entryName(), amount, 0, nowMillis);
        return c.value();
    }
}
