package org.bftswarm.state.crdt;

/**
 * Checked failure of a canonical decoder: hostile or truncated bytes never escape as an unchecked
 * exception (project rule "decoders never throw unchecked exceptions on hostile bytes").
 */
public final class MalformedBytesException extends Exception {
    public MalformedBytesException(String message) {
        super(message);
    }
}
