package org.bftswarm.orchestrator.mine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named difficulties, as leading zero hex digits of the displayed hash: {@code simple} 1,
 * {@code easy} 2, {@code medium} 3, {@code hard} 4, {@code extreme} 5 (16^N hashes expected: from 16
 * to about a million, well under a second to a few seconds of one core).
 */
public enum DifficultyPreset {
    SIMPLE(1),
    EASY(2),
    MEDIUM(3),
    HARD(4),
    EXTREME(5);

    private final int zeros;

    DifficultyPreset(int zeros) {
        this.zeros = zeros;
    }

    public int zeros() {
        return zeros;
    }

    /** The preset's name as users write it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset named {@code word} (lower case). */
    public static Optional<DifficultyPreset> named(String word) {
        for (DifficultyPreset p : values()) {
            if (p.word().equals(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every preset's name and zeros, in order. */
    public static Map<String, Integer> table() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (DifficultyPreset p : values()) {
            out.put(p.word(), p.zeros);
        }
        return out;
    }
}
