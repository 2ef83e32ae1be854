package org.bftswarm.state.entry;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * The value of a COUNTER entry: one node's (P, N) pair of a PN-counter (Shapiro et al. 2011,
 * section 3.1.3). Both grow monotonically for a correct node, so a later component dominates an
 * earlier one in both coordinates.
 */
public record CounterComponent(long increments, long decrements) {
    public static final CounterComponent ZERO = new CounterComponent(0, 0);

    public CounterComponent {
        Invariants.check(
                increments >= 0 && decrements >= 0, "components must be non-negative: %s %s", increments, decrements);
    }

    public long value() {
        return increments - decrements;
    }

    /** Unsigned total progress P + N (no overflow for non-negative longs). */
    long progress() {
        return increments + decrements;
    }

    public CounterComponent add(long moreIncrements, long moreDecrements) {
        Invariants.check(moreIncrements >= 0 && moreDecrements >= 0, "deltas must be non-negative");
        return new CounterComponent(
                Math.addExact(increments, moreIncrements), Math.addExact(decrements, moreDecrements));
    }

    public byte[] encode() {
        return new CanonicalWriter().writeLong(increments).writeLong(decrements).toByteArray();
    }

    public static CounterComponent decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        long p = r.readLong("increments");
        long n = r.readLong("decrements");
        r.expectEnd("counter component");
        if (p < 0 || n < 0) {
            throw new MalformedBytesException("negative counter component");
        }
        return new CounterComponent(p, n);
    }
}
