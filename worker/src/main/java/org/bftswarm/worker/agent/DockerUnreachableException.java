package org.bftswarm.worker.agent;

/**
 * The local Docker engine does not answer; the message says how to start it. The node turns this
 * into its own startup error, so the operator sees the fix and the process exits non-zero.
 */
public final class DockerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DockerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
