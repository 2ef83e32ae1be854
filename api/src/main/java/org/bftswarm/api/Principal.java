package org.bftswarm.api;

import java.util.Objects;

/**
 * Who asked for a write through the API (every API write needs an
 * authenticated caller). Today every write comes from a bearer-token holder; a client that signs its own
 * operations would carry its client id (>= 1000) here instead.
 *
 * @param name     a short label for logs and audit ("token" for the cluster's API token)
 * @param clientId the consensus client id the operation is attributed to, or -1 when the receiving
 *                 node submits on the caller's behalf
 */
public record Principal(String name, int clientId) {
    public static final int ON_BEHALF = -1;

    public Principal {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("principal name must not be blank");
        }
        if (clientId != ON_BEHALF && clientId < 1000) {
            throw new IllegalArgumentException("client ids start at 1000, got " + clientId);
        }
    }

    /** The holder of the cluster's API token; the receiving node signs the operation. */
    public static Principal tokenHolder() {
        return new Principal("token", ON_BEHALF);
    }
}
