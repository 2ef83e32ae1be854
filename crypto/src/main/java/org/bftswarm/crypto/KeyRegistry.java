package org.bftswarm.crypto;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster's public-key directory: principal id to Ed25519 verifying key. Replicas and nodes
 * are ids 0..n-1, clients are ids {@value #FIRST_CLIENT_ID} and up. Immutable and sorted, so
 * iteration is deterministic wherever the registry is hashed or serialized.
 */
public final class KeyRegistry {
    /** Smallest client principal id; node ids are below it. */
    public static final int FIRST_CLIENT_ID = 1000;

    private final SortedMap<Integer, VerifyingKey> keys;

    private KeyRegistry(SortedMap<Integer, VerifyingKey> keys) {
        this.keys = keys;
    }

    /** A registry holding (a sorted copy of) {@code keys}; null or negative ids and null keys are refused. */
    public static KeyRegistry of(Map<Integer, VerifyingKey> keys) {
        TreeMap<Integer, VerifyingKey> copy = new TreeMap<>();
        for (Map.Entry<Integer, VerifyingKey> e : keys.entrySet()) {
            Integer id = e.getKey();
            if (id == null || id < 0) {
                throw new IllegalArgumentException("principal ids are non-negative, got " + id);
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("no key given for principal " + id);
            }
            copy.put(id, e.getValue());
        }
        return new KeyRegistry(Collections.unmodifiableSortedMap(copy));
    }

    /** The key of {@code principalId}, or null if the id is unknown. */
    public VerifyingKey lookup(int principalId) {
        return keys.get(principalId);
    }

    /** All known principal ids, ascending (unmodifiable). */
    public SortedSet<Integer> principals() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    /** The whole map, ascending by id (unmodifiable). */
    public SortedMap<Integer, VerifyingKey> asMap() {
        return keys;
    }

    /** A registry with {@code id} mapped to {@code key} in addition (replacing any earlier key). */
    public KeyRegistry with(int id, VerifyingKey key) {
        TreeMap<Integer, VerifyingKey> copy = new TreeMap<>(keys);
        copy.put(id, key);
        return of(copy);
    }

    /** True for node/replica ids (below {@value #FIRST_CLIENT_ID}). */
    public static boolean isNodeId(int principalId) {
        return principalId >= 0 && principalId < FIRST_CLIENT_ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRegistry r && keys.equals(r.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return "KeyRegistry" + keys.keySet();
    }
}
