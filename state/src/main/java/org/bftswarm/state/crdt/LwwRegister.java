package org.bftswarm.state.crdt;

import java.util.Arrays;
import java.util.HexFormat;
import org.bftswarm.crypto.Invariants;

/**
 * One last-writer-wins register value (Shapiro et al. 2011, LWW-register). Merge keeps the greater
 * of the two by (stamp, value bytes unsigned); ordering on the value breaks the tie a Byzantine
 * writer could create by reusing one stamp for two values, so merge stays a total-order join.
 */
public final class LwwRegister implements Comparable<LwwRegister> {
    private final Stamp stamp;
    private final byte[] value;

    public LwwRegister(Stamp stamp, byte[] value) {
        Invariants.check(stamp != null && value != null, "stamp and value required");
        this.stamp = stamp;
        this.value = value.clone();
    }

    public Stamp stamp() {
        return stamp;
    }

    public byte[] value() {
        return value.clone();
    }

    /** Join: the greater register under {@link #compareTo}; commutative, associative, idempotent. */
    public LwwRegister merge(LwwRegister other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(LwwRegister other) {
        int byStamp = stamp.compareTo(other.stamp);
        return byStamp != 0 ? byStamp : Arrays.compareUnsigned(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LwwRegister r && stamp.equals(r.stamp) && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return 31 * stamp.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "LwwRegister[" + stamp + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
