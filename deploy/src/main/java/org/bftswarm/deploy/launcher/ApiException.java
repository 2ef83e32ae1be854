package org.bftswarm.deploy.launcher;

/**
 * A node answered an API call with an error ({@code {"error","detail"}} body), or no node could be
 * reached at all ({@code status} 0).
 */
public final class ApiException extends Exception {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(status == 0 ? detail : "HTTP " + status + " " + error + ": " + detail);
        this.status = status;
        this.error = error;
    }

    /** HTTP status, or 0 when no node answered. */
    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
