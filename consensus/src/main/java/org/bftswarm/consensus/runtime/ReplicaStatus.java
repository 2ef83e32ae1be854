package org.bftswarm.consensus.runtime;

/**
 * A point-in-time view of a running replica, published by its core thread for observers. The state
 * digest is refreshed when execution goes quiet for a second, or every 10 s under load ({@link DigestRefresh});
 * {@code digestAtExecuted} is the sequence number it belongs to.
 * {@code recoveringTo}: after a restart, the highest sequence number this replica had voted to commit
 * before it stopped, while it has not executed that far again (then 0): until then its state is older
 * than what it served before the restart.
 */
public record ReplicaStatus(
        int id,
        long view,
        boolean inViewChange,
        long lastExecuted,
        long stableCheckpoint,
        String stateDigestHex,
        long digestAtExecuted,
        long executedRequests,
        long recoveringTo) {
    /** Whether the replica is still re-executing what it had committed before a restart. */
    public boolean recovering() {
        return recoveringTo > lastExecuted;
    }

    /** One line for logs and the process tests: {@code STATUS id=.. view=.. ...}. */
    public String line() {
        return "STATUS id=" + id + " view=" + view + " viewchange=" + inViewChange + " executed=" + lastExecuted
                + " stable=" + stableCheckpoint + " requests=" + executedRequests + " digest=" + stateDigestHex
                + " digest_at=" + digestAtExecuted + " recovering_to=" + recoveringTo;
    }
}
