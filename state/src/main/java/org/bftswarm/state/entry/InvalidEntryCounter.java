package org.bftswarm.state.entry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-sender tally of dropped entries, by reason, plus the last rejection per sender as a small
 * evidence record (an invalid entry counts as evidence against its sender). Senders are
 * the signer id named in the entry ({@link Verdict#UNATTRIBUTED} when none could be read). Thread-safe.
 */
public final class InvalidEntryCounter {
    /** Last rejection seen from one sender. */
    public record Evidence(int sender, InvalidReason reason, String detail) {}

    /** Distinct senders tracked; further claimed ids fold into UNATTRIBUTED so forgers cannot grow memory. */
    public static final int MAX_TRACKED_SENDERS = 1024;

    private final TreeMap<Integer, EnumMap<InvalidReason, Long>> counts = new TreeMap<>();
    private final TreeMap<Integer, Evidence> lastEvidence = new TreeMap<>();
    private long total;

    public synchronized void record(Verdict.Rejected rejected) {
        int sender = rejected.sender();
        if (!counts.containsKey(sender) && counts.size() >= MAX_TRACKED_SENDERS) {
            sender = Verdict.UNATTRIBUTED;
        }
        counts.computeIfAbsent(sender, s -> new EnumMap<>(InvalidReason.class)).merge(rejected.reason(), 1L, Long::sum);
        String detail = rejected.detail() == null ? "" : rejected.detail();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200);
        }
        lastEvidence.put(sender, new Evidence(sender, rejected.reason(), detail));
        total++;
    }

    /** Invalid entries attributed to {@code sender}, all reasons. */
    public synchronized long count(int sender) {
        EnumMap<InvalidReason, Long> m = counts.get(sender);
        return m == null ? 0 : m.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long count(int sender, InvalidReason reason) {
        EnumMap<InvalidReason, Long> m = counts.get(sender);
        return m == null ? 0 : m.getOrDefault(reason, 0L);
    }

    public synchronized long total() {
        return total;
    }

    /** Sender → (reason → count), sorted, a copy. */
    public synchronized SortedMap<Integer, Map<InvalidReason, Long>> snapshot() {
        TreeMap<Integer, Map<InvalidReason, Long>> copy = new TreeMap<>();
        counts.forEach((sender, m) -> copy.put(sender, Collections.unmodifiableMap(new EnumMap<>(m))));
        return Collections.unmodifiableSortedMap(copy);
    }

    public synchronized SortedMap<Integer, Evidence> lastEvidence() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(lastEvidence));
    }
}
