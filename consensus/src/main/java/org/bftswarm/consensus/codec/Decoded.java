package org.bftswarm.consensus.codec;

/** Result of decoding hostile bytes: never an exception. */
public sealed interface Decoded<T> {
    record Ok<T>(T value) implements Decoded<T> {}

    record Malformed<T>(String reason) implements Decoded<T> {}
}
