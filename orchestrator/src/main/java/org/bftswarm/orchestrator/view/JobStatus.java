package org.bftswarm.orchestrator.view;

/**
 * Status of a job, derived from its tasks at the scheduler's batch time: PENDING until a task is
 * placed, RUNNING while any task is active, PARTIAL once its deadline passed with some but not all
 * tasks terminal, and COMPLETE, FAILED or CANCELLED once every task is terminal; a mine job is COMPLETE
 * once a solution is verified, NOT_FOUND when its explicit range is spent. How a status is
 * shown over HTTP is the API's business, not the scheduler's.
 */
public enum JobStatus {
    PENDING(false),
    RUNNING(false),
    PARTIAL(false),
    COMPLETE(true),
    FAILED(true),
    CANCELLED(true),
    /** A mine job whose explicit nonce range holds no solution. */
    NOT_FOUND(true);

    private final boolean terminal;

    JobStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** True once every task of the job is terminal: the job can change no more. */
    public boolean isTerminal() {
        return terminal;
    }
}
