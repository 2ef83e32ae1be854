package org.bftswarm.api;

/**
 * A client mistake found while handling a request; the API turns it into the given 4xx status and
 * an {@link ApiError} body. Thrown only from request handlers, never from the port.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    ApiError body() {
        return new ApiError(code, getMessage());
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad_request", detail);
    }
}
