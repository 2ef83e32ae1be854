package org.bftswarm.consensus.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-client last executed request number and its reply (PBFT section 4.1: requests are
 * deduplicated by (client, timestamp); the last reply is kept so retransmissions are answered,
 * never re-executed). Part of the checkpointed state, so it is a TreeMap (deterministic order).
 */
public final class ClientTable {
    /** Last executed request of a client, its result and the sequence number it executed at (0 if unknown). */
    public record Entry(long requestNumber, byte[] result, long sequence) {
        public Entry(long requestNumber, byte[] result) {
            this(requestNumber, result, 0);
        }
    }

    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    /** Last executed request number of the client, or -1. */
    public long lastRequest(int clientId) {
        Entry e = entries.get(clientId);
        return e == null ? -1 : e.requestNumber();
    }

    public Entry get(int clientId) {
        return entries.get(clientId);
    }

    public void record(int clientId, long requestNumber, byte[] result, long sequence) {
        entries.put(clientId, new Entry(requestNumber, result, sequence));
    }

    public Map<Integer, Entry> view() {
        return Collections.unmodifiableMap(entries);
    }

    public void replaceWith(Map<Integer, Entry> other) {
        entries.clear();
        entries.putAll(other);
    }

    public int size() {
        return entries.size();
    }
}
