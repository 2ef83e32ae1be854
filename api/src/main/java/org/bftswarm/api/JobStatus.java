package org.bftswarm.api;

/**
 * Lifecycle of a job as the API reports it, and the HTTP status of {@code GET /api/v1/jobs/{id}}
 * for each (issue 4: 202 while pending or running, 206 when its deadline passed with some tasks
 * finished, 200 once every task is terminal).
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

    public int httpStatus() {
        return httpStatus;
    }

    /** True once the job can change no more. */
    public boolean terminal() {
        return httpStatus == 200;
    }
}
