package org.bftswarm.crypto.ed25519;

import java.util.Locale;

/**
 * Which Ed25519 provider a process asks for: {@code auto} (AWS-LC when its native library loads,
 * Bouncy Castle otherwise), {@code native} (AWS-LC or fail) or {@code bc} (Bouncy Castle).
 */
public enum ProviderChoice {
    AUTO,
    NATIVE,
    BC;

    /** Parses {@code auto}, {@code native} or {@code bc} (any case; null or blank means auto). */
    public static ProviderChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "native", "aws-lc" -> NATIVE;
            case "bc", "bouncycastle" -> BC;
            default ->
                throw new IllegalArgumentException("Ed25519 provider must be auto, native or bc, got '" + value + "'");
        };
    }

    /** The lower-case spelling that {@link #parse} reads back. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
