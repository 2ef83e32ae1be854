package org.bftswarm.state.entry;

import java.util.Comparator;
import java.util.Optional;
import org.bftswarm.crypto.Invariants;

/**
 * Address of one signed entry. The owner id is part of the key namespace: only node {@code owner}
 * may write it (a node writes only its own keys).
 */
public record EntryKey(int owner, EntryKind kind, String name) implements Comparable<EntryKey> {
    public static final int MAX_NAME_LENGTH = 128;
    private static final Comparator<EntryKey> ORDER = Comparator.comparingInt(EntryKey::owner)
            .thenComparing(EntryKey::kind)
            .thenComparing(EntryKey::name);

    public EntryKey {
        Invariants.check(owner >= 0, "owner must be non-negative, was %s", owner);
        Invariants.check(kind != null, "kind required");
        Invariants.check(isValidName(name), "invalid entry name %s", name);
    }

    /** Names are 1..128 chars of [a-z0-9_.-]: printable, unambiguous in map keys and logs. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Stable string form "owner/kindCode/name", used as Hazelcast and MapDB key. */
    public String asString() {
        return owner + "/" + kind.code() + "/" + name;
    }

    /** Parses {@link #asString()}; empty for anything else (hostile map keys included). */
    public static Optional<EntryKey> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String[] parts = s.split("/", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int owner = Integer.parseInt(parts[0]);
            Optional<EntryKind> kind = EntryKind.fromCode(Integer.parseInt(parts[1]));
            if (owner < 0 || kind.isEmpty() || !isValidName(parts[2])) {
                return Optional.empty();
            }
            EntryKey key = new EntryKey(owner, kind.get(), parts[2]);
            return key.asString().equals(s) ? Optional.of(key) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(EntryKey other) {
        return ORDER.compare(this, other);
    }
}
