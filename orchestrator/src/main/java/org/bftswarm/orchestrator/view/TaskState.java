package org.bftswarm.orchestrator.view;

/**
 * Life cycle of one task: PENDING (waiting for a node that fits) → ASSIGNED (placed, attempt
 * numbered) → RUNNING (its worker reported the container started) → SUCCEEDED / FAILED, with
 * BACKOFF between a failed attempt and its retry, and CANCELLED from any non-terminal state. A task
 * verified by a quorum ends DISPUTED when every run it may use reported and no quorum of them matched.
 */
public enum TaskState {
    PENDING,
    ASSIGNED,
    RUNNING,
    BACKOFF,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    DISPUTED;

    /** A node holds resources for the task and its worker should be running it. */
    public boolean isActive() {
        return this == ASSIGNED || this == RUNNING;
    }

    /** No further attempt will be made. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == DISPUTED;
    }
}
