package org.bftswarm.consensus.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bftswarm.crypto.Digest;

/**
 * Bounded, thread-safe memory of signed byte strings already verified on this replica, so a
 * client request verified on arrival is not verified again inside a PRE-PREPARE, nor a PREPARE
 * again inside a VIEW-CHANGE. Keyed by SHA-256 of the exact signed bytes (payload + signature).
 */
public final class SignatureCache {
    private final Map<Digest, Boolean> seen;

    public SignatureCache(int capacity) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized boolean contains(Digest d) {
        return seen.get(d) != null;
    }

    public synchronized void add(Digest d) {
        seen.put(d, Boolean.TRUE);
    }

    public synchronized int size() {
        return seen.size();
    }
}
