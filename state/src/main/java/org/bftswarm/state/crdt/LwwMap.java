package org.bftswarm.state.crdt;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * Immutable LWW-register map (Shapiro et al. 2011, LWW-element map built from LWW-registers): key →
 * {@link LwwRegister}, merged key-wise with the register join. Keys iterate in sorted order and
 * {@link #encode()} is canonical, so converged replicas have equal bytes and equal digests.
 */
public final class LwwMap {
    /** Upper bounds enforced by {@link #decode}; hostile inputs cannot allocate beyond them. */
    public static final int MAX_KEY_BYTES = 256;

    public static final int MAX_VALUE_BYTES = 64 * 1024;
    public static final int MAX_ENTRIES = 100_000;
    private static final int FORMAT = 1;

    private static final LwwMap EMPTY = new LwwMap(new TreeMap<>());

    private final TreeMap<String, LwwRegister> entries;

    private LwwMap(TreeMap<String, LwwRegister> entries) {
        this.entries = entries;
    }

    public static LwwMap empty() {
        return EMPTY;
    }

    /** Joins a single register into the map (a local write is a join with a singleton map). */
    public LwwMap put(String key, LwwRegister register) {
        Invariants.check(key != null && register != null, "key and register required");
        LwwRegister current = entries.get(key);
        LwwRegister merged = current == null ? register : current.merge(register);
        if (merged == current) {
            return this;
        }
        TreeMap<String, LwwRegister> copy = new TreeMap<>(entries);
        copy.put(key, merged);
        return new LwwMap(copy);
    }

    /** Key-wise join of two maps. */
    public LwwMap merge(LwwMap other) {
        TreeMap<String, LwwRegister> copy = new TreeMap<>(entries);
        for (Map.Entry<String, LwwRegister> e : other.entries.entrySet()) {
            copy.merge(e.getKey(), e.getValue(), LwwRegister::merge);
        }
        return new LwwMap(copy);
    }

    public Optional<LwwRegister> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public SortedMap<String, LwwRegister> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    public int size() {
        return entries.size();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter().writeByte(FORMAT).writeInt(entries.size());
        for (Map.Entry<String, LwwRegister> e : entries.entrySet()) {
            LwwRegister r = e.getValue();
            w.writeString(e.getKey())
                    .writeLong(r.stamp().timestamp())
                    .writeInt(r.stamp().writer())
                    .writeBytes(r.value());
        }
        return w.toByteArray();
    }

    /** Strict inverse of {@link #encode()}: keys must be strictly ascending, no trailing bytes. */
    public static LwwMap decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int format = r.readByte("format");
        if (format != FORMAT) {
            throw new MalformedBytesException("unknown LwwMap format " + format);
        }
        int count = r.readInt("entry count");
        if (count < 0 || count > MAX_ENTRIES) {
            throw new MalformedBytesException("entry count " + count + " outside 0.." + MAX_ENTRIES);
        }
        TreeMap<String, LwwRegister> out = new TreeMap<>();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String key = r.readString("key", MAX_KEY_BYTES);
            if (previous != null && previous.compareTo(key) >= 0) {
                throw new MalformedBytesException("keys not strictly ascending at " + key);
            }
            long ts = r.readLong("timestamp");
            int writer = r.readInt("writer");
            byte[] value = r.readBytes("value", MAX_VALUE_BYTES);
            out.put(key, new LwwRegister(new Stamp(ts, writer), value));
            previous = key;
        }
        r.expectEnd("LwwMap");
        return new LwwMap(out);
    }

    public Digest digest() {
        return Digest.sha256(encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LwwMap m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "LwwMap" + entries;
    }
}
