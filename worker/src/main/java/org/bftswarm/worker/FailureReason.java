package org.bftswarm.worker;

/**
 * Why a task attempt ended the way it did, from the node agent's point of view.
 * {@link #NONE} means the container ran and exited on its own;
 * its exit code tells success or failure. Every other value means the agent intervened or could
 * not run or observe the container.
 */
public enum FailureReason {
    /** The container ran and exited by itself (any exit code, including an external kill). */
    NONE,
    /**
     * The kernel killed the container for using more memory than the task's {@code memoryMb} (the exit
     * code is 137, SIGKILL).
     */
    OOM,
    /** The agent killed the container because it exceeded the task's timeout. */
    TIMEOUT,
    /** The agent killed the container on request (cancel, reassignment, reconciliation). */
    KILLED,
    /** The image is not present locally; bftswarm never pulls, so the attempt cannot run. */
    IMAGE_MISSING,
    /** The container could not be created, attached to or started. */
    START_FAILED,
    /** The container vanished or Docker failed mid-run, so the exit code is unknown. */
    LOST
}
