package org.bftswarm.consensus.runtime;

/**
 * A point-in-time view of a running replica, published by its core thread for observers. The state
 * digest is refreshed at most once a second; {@code digestAtExecuted} is the sequence number it belongs to.
 */
public record ReplicaStatus(int id, long view, boolean inViewChange, long lastExecuted, long stableCheckpoint,
        String stateDigestHex, long digestAtExecuted, long executedRequests) {
    /** One line for logs and the process tests: {@code STATUS id=.. view=.. ...}. */
    public String line() {
        return "STATUS id=" + id + " view=" + view + " viewchange=" + inViewChange + " executed=" + lastExecuted
                + " stable=" + stableCheckpoint + " requests=" + executedRequests + " digest=" + stateDigestHex
                + " digest_at=" + digestAtExecuted;
    }
}
