package org.bftswarm.crypto;

/**
 * Thrown by {@link Invariants#check} when an always-on invariant does not hold.
 * An invariant violation is a bug (or memory corruption), never a consequence of hostile input:
 * decoders report hostile input through typed results instead.
 */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvariantViolation(String message) {
        super(message);
    }
}
