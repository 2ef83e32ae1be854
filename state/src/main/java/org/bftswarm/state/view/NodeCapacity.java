package org.bftswarm.state.view;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/** What a node offers: CPU in millicores, memory in bytes, and sorted labels. */
public record NodeCapacity(int node, long cpuMillicores, long memoryBytes, SortedMap<String, String> labels) {
    public static final String ENTRY_NAME = "capacity";
    public static final int MAX_LABELS = 32;
    public static final int MAX_LABEL_BYTES = 128;

    public NodeCapacity {
        Invariants.check(cpuMillicores >= 0 && memoryBytes >= 0, "capacity must be non-negative");
        Invariants.check(labels != null && labels.size() <= MAX_LABELS, "at most %s labels", MAX_LABELS);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            Invariants.check(
                    utf8Length(e.getKey()) <= MAX_LABEL_BYTES && utf8Length(e.getValue()) <= MAX_LABEL_BYTES,
                    "label %s longer than %s bytes",
                    e.getKey(),
                    MAX_LABEL_BYTES);
        }
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    private static int utf8Length(String s) {
        return s == null ? Integer.MAX_VALUE : s.getBytes(StandardCharsets.UTF_8).length;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter()
                .writeInt(node)
                .writeLong(cpuMillicores)
                .writeLong(memoryBytes)
                .writeInt(labels.size());
        for (Map.Entry<String, String> e : labels.entrySet()) {
            w.writeString(e.getKey()).writeString(e.getValue());
        }
        return w.toByteArray();
    }

    public static NodeCapacity decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int node = r.readInt("node");
        long cpu = r.readLong("cpu");
        long memory = r.readLong("memory");
        int count = r.readInt("label count");
        if (count < 0 || count > MAX_LABELS) {
            throw new MalformedBytesException("label count " + count);
        }
        TreeMap<String, String> labels = new TreeMap<>();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String k = r.readString("label key", MAX_LABEL_BYTES);
            String v = r.readString("label value", MAX_LABEL_BYTES);
            if (previous != null && previous.compareTo(k) >= 0) {
                throw new MalformedBytesException("labels not strictly ascending");
            }
            labels.put(k, v);
            previous = k;
        }
        r.expectEnd("capacity");
        if (cpu < 0 || memory < 0) {
            throw new MalformedBytesException("negative capacity");
        }
        return new NodeCapacity(node, cpu, memory, labels);
    }
}
