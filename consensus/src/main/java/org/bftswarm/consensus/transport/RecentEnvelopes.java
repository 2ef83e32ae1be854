package org.bftswarm.consensus.transport;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises an exact re-delivery of an accepted envelope (a network replay) within a time horizon.
 * Ed25519 signatures are deterministic and unique per (key, message), so equal signatures mean the same
 * message from the same signer. A copy arriving within the horizon is a replay; a later copy is let
 * through, because the core retransmits identical signed messages on purpose and handles duplicates
 * idempotently (PBFT section 4: messages are processed at most once per slot). Bounded memory.
 */
public final class RecentEnvelopes {
    private final long horizonNanos;
    private final LinkedHashMap<ByteBuffer, Long> seen;

    public RecentEnvelopes(int capacity, long horizonMillis) {
        this.horizonNanos = horizonMillis * 1_000_000L;
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** False for a copy of an envelope first accepted less than the horizon ago; else records it. */
    public synchronized boolean firstTime(byte[] signature, long nowNanos) {
        ByteBuffer key = ByteBuffer.wrap(signature);
        Long first = seen.get(key);
        if (first != null && nowNanos - first < horizonNanos) {
            return false;
        }
        seen.remove(key);
        seen.put(key, nowNanos);
        return true;
    }
}
