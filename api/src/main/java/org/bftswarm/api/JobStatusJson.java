package org.bftswarm.api;

/**
 * The {@code status} of a job in the API's JSON, and the HTTP status {@code GET /api/v1/jobs/{id}}
 * answers with for each: 202 while pending or running, 206 when the deadline passed with some tasks
 * finished, 200 once every task is terminal (NOT_FOUND: a mine job whose range holds no solution). This
 * is the only place a job status meets HTTP.
 */
public enum JobStatusJson {
    PENDING(202),
    RUNNING(202),
    PARTIAL(206),
    COMPLETE(200),
    FAILED(200),
    CANCELLED(200),
    NOT_FOUND(200);

    private final int httpStatus;

    JobStatusJson(int httpStatus) {
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
