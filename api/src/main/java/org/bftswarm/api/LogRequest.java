package org.bftswarm.api;

import java.util.Optional;

/**
 * The signed identity of a log read, carried in request headers: {@value #CLIENT_HEADER} (client name),
 * {@value #TIME_HEADER} (epoch millis) and {@value #SIGNATURE_HEADER} (hex). The port decides whether
 * that client may read the task's log.
 */
public record LogRequest(String client, long timeMillis, String signature) {
    public static final String CLIENT_HEADER = "X-Bftswarm-Client";
    public static final String TIME_HEADER = "X-Bftswarm-Time";
    public static final String SIGNATURE_HEADER = "X-Bftswarm-Signature";

    /** The request's credentials from its three headers: empty when none is sent, an error when some are bad. */
    static Optional<LogRequest> fromHeaders(String client, String time, String signature) {
        if (client == null && time == null && signature == null) {
            return Optional.empty();
        }
        if (client == null || time == null || signature == null) {
            throw ApiProblem.badRequest(
                    CLIENT_HEADER + ", " + TIME_HEADER + " and " + SIGNATURE_HEADER + " go together; got only some");
        }
        try {
            return Optional.of(new LogRequest(client, Long.parseLong(time.strip()), signature.strip()));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(TIME_HEADER + ": expected epoch milliseconds, got \"" + time + "\"");
        }
    }
}
