package org.bftswarm.node;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hashing figures a mine unit's outcome carries in its detail ({@code hashes=H ms=M ...}, written
 * by the worker's built-in hasher): what the node adds to its {@code mined_hashes} and
 * {@code mining_millis} counters. Anything else carries none.
 */
record MiningReport(long hashes, long millis) {
    private static final Pattern FIGURES = Pattern.compile("hashes=([0-9]{1,18}) ms=([0-9]{1,18})");

    static Optional<MiningReport> of(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher m = FIGURES.matcher(detail);
        return m.find()
                ? Optional.of(new MiningReport(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    /** Hashes per second of {@code hashes} in {@code millis} (0 when no time was spent). */
    static double rate(long hashes, long millis) {
        return millis <= 0 ? 0 : hashes * 1000.0 / millis;
    }
}
