package org.bftswarm.wasm;

import java.util.Objects;

/**
 * What running a shard's entry (or a reduce function) gave: the value it returned, or a failure with its kind and a
 * message for the operator. Module misbehaviour is always an outcome, never an exception.
 */
public sealed interface ShardOutcome {

    /** The function returned {@code value} (an i32 result sign-extended). */
    record Value(long value) implements ShardOutcome {}

    /** The function produced no value, for the reason {@code kind} explains. */
    record Failure(FailureKind kind, String message) implements ShardOutcome {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    static ShardOutcome value(long value) {
        return new Value(value);
    }

    static ShardOutcome failure(FailureKind kind, String message) {
        return new Failure(kind, message);
    }

    default boolean isValue() {
        return this instanceof Value;
    }
}
