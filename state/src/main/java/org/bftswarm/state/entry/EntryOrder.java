package org.bftswarm.state.entry;

import java.util.Arrays;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * Total order on the signed entries of one key; the store keeps the maximum, which makes the store
 * a join-semilattice (merge = max) whatever the delivery order, duplication or replay. Registers:
 * LWW by (timestamp, value bytes); counters: by P+N then P (a correct node's later component
 * dominates); the signature bytes break any remaining tie so equivocation still converges.
 */
public final class EntryOrder {
    private EntryOrder() {}

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b}. */
    public static int compare(SignedEntry a, SignedEntry b) {
        Invariants.check(a.key().equals(b.key()), "cannot order entries of different keys %s %s", a.key(), b.key());
        int c = a.key().kind() == EntryKind.COUNTER ? compareCounters(a, b) : 0;
        if (c == 0) {
            c = Long.compare(a.timestamp(), b.timestamp());
        }
        if (c == 0) {
            c = Arrays.compareUnsigned(a.valueView(), b.valueView());
        }
        if (c == 0) {
            c = Arrays.compareUnsigned(a.signatureView(), b.signatureView());
        }
        return c;
    }

    private static int compareCounters(SignedEntry a, SignedEntry b) {
        CounterComponent ca = componentOrZero(a);
        CounterComponent cb = componentOrZero(b);
        int c = Long.compareUnsigned(ca.progress(), cb.progress());
        return c != 0 ? c : Long.compare(ca.increments(), cb.increments());
    }

    private static CounterComponent componentOrZero(SignedEntry e) {
        try {
            return CounterComponent.decode(e.valueView());
        } catch (MalformedBytesException ex) {
            return CounterComponent.ZERO; // unreachable for verified entries; keeps the order total
        }
    }

    public static boolean supersedes(SignedEntry candidate, SignedEntry current) {
        return current == null || compare(candidate, current) > 0;
    }
}
