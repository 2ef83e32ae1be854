package org.bftswarm.orchestrator.view;

/**
 * Status of a job as the API reports it (issue 4 item 4): PENDING and RUNNING answer 202, PARTIAL
 * (deadline passed, some but not all tasks terminal) answers 206, and COMPLETE, FAILED and
 * CANCELLED (every task terminal) answer 200.
 */
public enum JobStatus {
    PENDING(202),
    RUNNING(202),
    PARTIAL(206),
    COMPLETE(200),
    FAILED(200),
    CANCELLED(200);

    private final int httpStatus;

    JobStatus(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status code {@code GET /api/v1/jobs/{id}} answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean isTerminal() {
        return httpStatus == 200;
    }
}
