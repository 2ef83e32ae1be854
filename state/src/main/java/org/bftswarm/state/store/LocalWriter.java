package org.bftswarm.state.store;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.entry.CounterComponent;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;

/**
 * Writes this node's own entries into the store: signs them and keeps timestamps strictly
 * increasing per key (max(now, previous + 1)) so a clock that steps back never makes a newer local
 * write lose; counter writes raise the node's own (P, N) component. The caller supplies the time.
 */
public final class LocalWriter {
    private final String swarm;
    private final int nodeId;
    private final SigningKey signingKey;
    private final SignedEntryStore store;

    public LocalWriter(String swarm, int nodeId, SigningKey signingKey, SignedEntryStore store) {
        this.swarm = swarm;
        this.nodeId = nodeId;
        this.signingKey = signingKey;
        this.store = store;
    }

    public int nodeId() {
        return nodeId;
    }

    public synchronized SignedEntry putRegister(String name, byte[] value, long nowMillis) {
        EntryKey key = new EntryKey(nodeId, EntryKind.REGISTER, name);
        long timestamp = nextTimestamp(key, nowMillis);
        return apply(SignedEntry.sign(swarm, nodeId, key, timestamp, value, signingKey));
    }

    /** Adds non-negative amounts to this node's P and N of counter {@code name}; returns the new component. */
    public synchronized CounterComponent addToCounter(String name, long increments, long decrements, long nowMillis) {
        EntryKey key = new EntryKey(nodeId, EntryKind.COUNTER, name);
        CounterComponent current = store.get(key).map(LocalWriter::componentOf).orElse(CounterComponent.ZERO);
        CounterComponent next = current.add(increments, decrements);
        long timestamp = nextTimestamp(key, nowMillis);
        apply(SignedEntry.sign(swarm, nodeId, key, timestamp, next.encode(), signingKey));
        return next;
    }

    private long nextTimestamp(EntryKey key, long nowMillis) {
        long previous = store.get(key).map(SignedEntry::timestamp).orElse(Long.MIN_VALUE);
        return previous == Long.MIN_VALUE ? nowMillis : Math.max(nowMillis, Math.addExact(previous, 1));
    }

    private SignedEntry apply(SignedEntry entry) {
        OfferOutcome outcome = store.offer(entry);
        Invariants.check(outcome instanceof OfferOutcome.Applied, "own write not applied: %s", outcome);
        return entry;
    }

    private static CounterComponent componentOf(SignedEntry entry) {
        try {
            return CounterComponent.decode(entry.value());
        } catch (MalformedBytesException e) {
            throw new IllegalStateException("stored counter entry is malformed: " + entry, e);
        }
    }
}
