package org.bftswarm.node;

/**
 * A node cannot start for a reason the operator can fix (missing key or token file, port taken,
 * Docker unreachable); the message says what and how, and {@code bftswarm node} prints it and
 * exits non-zero.
 */
public final class NodeStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeStartupException(String message) {
        super(message);
    }

    public NodeStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
