package org.bftswarm.api;

import java.util.Objects;

/**
 * The typed failures a {@link ClusterPort} reports, synchronously or by failing its futures. The
 * API maps each {@link Reason} to one HTTP status, so an implementation never has to know HTTP.
 */
public final class PortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Reason {
        /** The request is well-formed JSON but the replicated scheduler rejects it (HTTP 400). */
        INVALID_SPEC(400, "invalid_spec"),
        /** A signed operation from an unknown client or with a bad signature (HTTP 401). */
        UNAUTHENTICATED(401, "unauthenticated"),
        /** The client's role or ownership does not allow the operation (HTTP 403). */
        FORBIDDEN(403, "forbidden"),
        /** The signed operation's request number was already used (HTTP 409). */
        REPLAYED(409, "replayed"),
        /** A part of the request is larger than this node accepts (HTTP 413); the message names the limit. */
        TOO_LARGE(413, "payload_too_large"),
        /** The job, task or node does not exist (HTTP 404). */
        NOT_FOUND(404, "not_found"),
        /** The node cannot get the operation ordered now: no quorum, view change, timeout (HTTP 503). */
        UNAVAILABLE(503, "unavailable");

        private final int httpStatus;
        private final String code;

        Reason(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The machine-readable {@code error} field of the JSON error body. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public PortException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PortException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    public static PortException invalidSpec(String message) {
        return new PortException(Reason.INVALID_SPEC, message);
    }

    public static PortException tooLarge(String message) {
        return new PortException(Reason.TOO_LARGE, message);
    }

    public static PortException notFound(String message) {
        return new PortException(Reason.NOT_FOUND, message);
    }

    public static PortException unavailable(String message) {
        return new PortException(Reason.UNAVAILABLE, message);
    }
}
