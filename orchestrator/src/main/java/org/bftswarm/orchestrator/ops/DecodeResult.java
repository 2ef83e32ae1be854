package org.bftswarm.orchestrator.ops;

/** Outcome of decoding operation bytes: the operation, or why the bytes were not one. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Malformed {

    /** The bytes held exactly one well-formed operation. */
    record Decoded(Operation operation) implements DecodeResult {}

    /** The bytes were not a well-formed operation; {@code reason} says why (bounded length). */
    record Malformed(String reason) implements DecodeResult {}
}
