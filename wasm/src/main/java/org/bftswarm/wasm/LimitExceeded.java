package org.bftswarm.wasm;

/**
 * Thrown from inside a running module (by the fuel listener, the bounded memory or the call-depth check) to end it
 * with a failure of {@code kind}; caught and turned into a {@link ShardOutcome.Failure}, never seen by callers.
 */
final class LimitExceeded extends RuntimeException {
    private final FailureKind kind;

    LimitExceeded(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }
}
