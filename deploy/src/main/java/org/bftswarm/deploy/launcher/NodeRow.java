package org.bftswarm.deploy.launcher;

/**
 * One line of the node tables printed by {@code up} and {@code status}.
 *
 * @param id           node id
 * @param pid          process id, or null when not running
 * @param apiUrl       base URL of its API
 * @param state        process state word: running, paused, down
 * @param lastExecuted last executed sequence, or null when its API did not answer
 * @param view         the view it is in, or null when its API did not answer
 * @param soft         what the cluster's signed CRDT state and scheduler say of it, or null when unknown
 */
public record NodeRow(int id, Long pid, String apiUrl, String state, Long lastExecuted, Long view, Soft soft) {

    /** A row without the CRDT columns. */
    public NodeRow(int id, Long pid, String apiUrl, String state, Long lastExecuted, Long view) {
        this(id, pid, apiUrl, state, lastExecuted, view, null);
    }

    /**
     * Soft state of a node as one answering node sees it: scheduler state (UP/DOWN), last heartbeat
     * sequence, running tasks, tasks succeeded / failed, CRDT entries of it that failed verification, and
     * its reports that differed from results a quorum accepted ({@code QUARANTINED} shows in
     * {@code scheduled} while it gets no new tasks for them).
     */
    public record Soft(
            String scheduled, Long heartbeat, Long running, Long succeeded, Long failed, long invalid, long disputed) {}
}
