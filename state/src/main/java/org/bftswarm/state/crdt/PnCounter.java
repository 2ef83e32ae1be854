package org.bftswarm.state.crdt;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * Immutable PN-counter (Shapiro et al. 2011, section 3.1.3): per-node increment map P and decrement
 * map N, each a grow-only vector merged by point-wise max; the value is ΣP − ΣN. A node only ever
 * raises its own entries. Sums saturate instead of overflowing, so hostile values never throw.
 */
public final class PnCounter {
    public static final int MAX_NODES = 100_000;
    private static final int FORMAT = 1;
    private static final PnCounter EMPTY = new PnCounter(new TreeMap<>(), new TreeMap<>());

    private final TreeMap<Integer, Long> positive;
    private final TreeMap<Integer, Long> negative;

    private PnCounter(TreeMap<Integer, Long> positive, TreeMap<Integer, Long> negative) {
        this.positive = positive;
        this.negative = negative;
    }

    public static PnCounter empty() {
        return EMPTY;
    }

    public PnCounter increment(int node, long amount) {
        Invariants.check(amount >= 0, "increment must be non-negative, was %s", amount);
        TreeMap<Integer, Long> p = new TreeMap<>(positive);
        p.put(node, saturatingAdd(p.getOrDefault(node, 0L), amount));
        return new PnCounter(p, negative);
    }

    public PnCounter decrement(int node, long amount) {
        Invariants.check(amount >= 0, "decrement must be non-negative, was %s", amount);
        TreeMap<Integer, Long> n = new TreeMap<>(negative);
        n.put(node, saturatingAdd(n.getOrDefault(node, 0L), amount));
        return new PnCounter(positive, n);
    }

    /** Joins one node's (P, N) component, as carried by a signed counter entry. */
    public PnCounter withComponent(int node, long p, long n) {
        Invariants.check(p >= 0 && n >= 0, "counter components must be non-negative: %s %s", p, n);
        TreeMap<Integer, Long> ps = new TreeMap<>(positive);
        TreeMap<Integer, Long> ns = new TreeMap<>(negative);
        ps.merge(node, p, Math::max);
        ns.merge(node, n, Math::max);
        return new PnCounter(ps, ns);
    }

    /** Point-wise max of both vectors. */
    public PnCounter merge(PnCounter other) {
        TreeMap<Integer, Long> p = new TreeMap<>(positive);
        TreeMap<Integer, Long> n = new TreeMap<>(negative);
        other.positive.forEach((k, v) -> p.merge(k, v, Math::max));
        other.negative.forEach((k, v) -> n.merge(k, v, Math::max));
        return new PnCounter(p, n);
    }

    public long value() {
        long p = 0;
        long n = 0;
        for (long v : positive.values()) {
            p = saturatingAdd(p, v);
        }
        for (long v : negative.values()) {
            n = saturatingAdd(n, v);
        }
        return p - n;
    }

    public long positive(int node) {
        return positive.getOrDefault(node, 0L);
    }

    public long negative(int node) {
        return negative.getOrDefault(node, 0L);
    }

    /** This node's net contribution P[node] − N[node]. */
    public long valueOf(int node) {
        return positive(node) - negative(node);
    }

    public SortedMap<Integer, Long> positives() {
        return Collections.unmodifiableSortedMap(positive);
    }

    public SortedMap<Integer, Long> negatives() {
        return Collections.unmodifiableSortedMap(negative);
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter().writeByte(FORMAT);
        writeVector(w, positive);
        writeVector(w, negative);
        return w.toByteArray();
    }

    private static void writeVector(CanonicalWriter w, TreeMap<Integer, Long> vector) {
        w.writeInt(vector.size());
        for (Map.Entry<Integer, Long> e : vector.entrySet()) {
            w.writeInt(e.getKey()).writeLong(e.getValue());
        }
    }

    public static PnCounter decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int format = r.readByte("format");
        if (format != FORMAT) {
            throw new MalformedBytesException("unknown PnCounter format " + format);
        }
        TreeMap<Integer, Long> p = readVector(r, "P");
        TreeMap<Integer, Long> n = readVector(r, "N");
        r.expectEnd("PnCounter");
        return new PnCounter(p, n);
    }

    private static TreeMap<Integer, Long> readVector(CanonicalReader r, String name) throws MalformedBytesException {
        int count = r.readInt(name + " size");
        if (count < 0 || count > MAX_NODES) {
            throw new MalformedBytesException(name + " size " + count + " outside 0.." + MAX_NODES);
        }
        TreeMap<Integer, Long> out = new TreeMap<>();
        Integer previous = null;
        for (int i = 0; i < count; i++) {
            int node = r.readInt(name + " node");
            long value = r.readLong(name + " value");
            if (previous != null && previous >= node) {
                throw new MalformedBytesException(name + " nodes not strictly ascending at " + node);
            }
            if (value < 0) {
                throw new MalformedBytesException(name + " value negative for node " + node);
            }
            out.put(node, value);
            previous = node;
        }
        return out;
    }

    public Digest digest() {
        return Digest.sha256(encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PnCounter c && positive.equals(c.positive) && negative.equals(c.negative);
    }

    @Override
    public int hashCode() {
        return 31 * positive.hashCode() + negative.hashCode();
    }

    @Override
    public String toString() {
        return "PnCounter[P=" + positive + ", N=" + negative + "]";
    }
}
