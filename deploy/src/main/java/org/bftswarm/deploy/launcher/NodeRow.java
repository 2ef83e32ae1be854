package org.bftswarm.deploy.launcher;

import org.bftswarm.api.NodeJson;

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
     * {@code scheduled} while it gets no new tasks for them), and its gossip mode, interval and reason as
     * the node itself reports them (null when it did not answer, or predates them), and the nonces its
     * built-in hasher tried with the time it spent on them (null before it mined).
     */
    public record Soft(
            String scheduled,
            Long heartbeat,
            Long running,
            Long succeeded,
            Long failed,
            long invalid,
            long disputed,
            NodeJson.Gossip gossip,
            Long minedHashes,
            Long miningMillis) {

        /** Soft state without the mining figures. */
        public Soft(
                String scheduled,
                Long heartbeat,
                Long running,
                Long succeeded,
                Long failed,
                long invalid,
                long disputed,
                NodeJson.Gossip gossip) {
            this(scheduled, heartbeat, running, succeeded, failed, invalid, disputed, gossip, null, null);
        }

        /** Soft state without the gossip columns. */
        public Soft(
                String scheduled,
                Long heartbeat,
                Long running,
                Long succeeded,
                Long failed,
                long invalid,
                long disputed) {
            this(scheduled, heartbeat, running, succeeded, failed, invalid, disputed, null);
        }

        /** The same soft state with the node's own gossip report. */
        public Soft withGossip(NodeJson.Gossip own) {
            return new Soft(
                    scheduled,
                    heartbeat,
                    running,
                    succeeded,
                    failed,
                    invalid,
                    disputed,
                    own,
                    minedHashes,
                    miningMillis);
        }
    }
}
