package org.bftswarm.crypto;

/**
 * Always-on invariant checks (the project style rule "Invariants.check, not assert"): unlike Java
 * {@code assert}, these run in production, so a broken invariant stops the faulty step loudly
 * instead of silently corrupting replicated state.
 */
public final class Invariants {
    private Invariants() {}

    /**
     * Throws {@link InvariantViolation} with {@code String.format(fmt, args)} when {@code ok} is false.
     * The message is only formatted on failure, so the check is cheap on hot paths.
     */
    public static void check(boolean ok, String fmt, Object... args) {
        if (!ok) {
            throw new InvariantViolation(args == null || args.length == 0 ? fmt : String.format(fmt, args));
        }
    }
}
