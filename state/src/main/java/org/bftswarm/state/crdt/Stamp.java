package org.bftswarm.state.crdt;

/**
 * Last-writer-wins ordering key: (timestamp, writer id), compared lexicographically, so two writes
 * with equal timestamps are ordered deterministically by writer (Shapiro et al., "A comprehensive
 * study of CRDTs", LWW-register, section 3.2.1).
 */
public record Stamp(long timestamp, int writer) implements Comparable<Stamp> {
    @Override
    public int compareTo(Stamp other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : Integer.compare(writer, other.writer);
    }
}
