package org.bftswarm.state.entry;

import java.util.Optional;

/**
 * The CRDT type of a signed entry. The kind is part of the signed bytes, so a register value can
 * never verify as a counter component or the other way round (domain separation).
 */
public enum EntryKind {
    /** LWW register: value bytes ordered by (timestamp, value). */
    REGISTER(1),
    /** One node's PN-counter component: 16 value bytes, (P, N) both non-negative. */
    COUNTER(2);

    private final int code;

    EntryKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<EntryKind> fromCode(int code) {
        for (EntryKind k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
