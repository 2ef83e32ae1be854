package org.bftswarm.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one node's {@link ApiServer}. The node binds {@code httpPort + node id} on its own
 * address; tests use 127.0.0.1 and port 0 (any free port, see
 * {@link ApiServer#port()}).
 *
 * @param host               address to bind (a literal, e.g. 127.0.0.2)
 * @param port               TCP port, 0 for any free one
 * @param token              bearer token required for writes
 * @param maxBodyBytes       largest accepted request body; larger is 413
 * @param eventQueueCapacity events buffered per WebSocket subscriber before it is disconnected
 * @param writeTimeout       how long a write waits to be ordered before it answers 503
 * @param wsIdleTimeout      an events connection with no traffic either way is closed after this
 * @param maxThreads         size of the HTTP worker pool
 * @param eventsPort         a second TCP port that serves only the {@code /api/v1/events} WebSocket (the node
 *                           binds {@code wsPort + node id}); {@link #NO_EVENTS_PORT} for none, 0 for any free one
 */
public record ApiConfig(
        String host,
        int port,
        String token,
        int maxBodyBytes,
        int eventQueueCapacity,
        Duration writeTimeout,
        Duration wsIdleTimeout,
        int maxThreads,
        int eventsPort) {
    public static final int DEFAULT_MAX_BODY_BYTES = 4 << 20;
    public static final int DEFAULT_EVENT_QUEUE = 1024;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WS_IDLE_TIMEOUT = Duration.ofHours(1);
    public static final int DEFAULT_MAX_THREADS = 16;
    public static final int NO_EVENTS_PORT = -1;

    public ApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(wsIdleTimeout, "wsIdleTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("API token must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (eventsPort < NO_EVENTS_PORT || eventsPort > 65535) {
            throw new IllegalArgumentException("eventsPort must be in 0..65535 (or -1 for none), got " + eventsPort);
        }
        if (eventsPort == port && port != 0) {
            throw new IllegalArgumentException("eventsPort must differ from the HTTP port " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, got " + maxBodyBytes);
        }
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("eventQueueCapacity must be >= 1, got " + eventQueueCapacity);
        }
        if (writeTimeout.isNegative()
                || writeTimeout.isZero()
                || wsIdleTimeout.isNegative()
                || wsIdleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be >= 4, got " + maxThreads);
        }
    }

    /** Defaults for everything but where to bind and the token; no events port. */
    public static ApiConfig of(String host, int port, String token) {
        return of(host, port, NO_EVENTS_PORT, token);
    }

    /** Defaults for everything but where to bind (the API and the events-only port) and the token. */
    public static ApiConfig of(String host, int port, int eventsPort, String token) {
        return new ApiConfig(
                host,
                port,
                token,
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_EVENT_QUEUE,
                DEFAULT_WRITE_TIMEOUT,
                DEFAULT_WS_IDLE_TIMEOUT,
                DEFAULT_MAX_THREADS,
                eventsPort);
    }

    public ApiConfig withEventQueueCapacity(int capacity) {
        return new ApiConfig(
                host, port, token, maxBodyBytes, capacity, writeTimeout, wsIdleTimeout, maxThreads, eventsPort);
    }

    public ApiConfig withWriteTimeout(Duration timeout) {
        return new ApiConfig(
                host, port, token, maxBodyBytes, eventQueueCapacity, timeout, wsIdleTimeout, maxThreads, eventsPort);
    }

    public ApiConfig withMaxBodyBytes(int limit) {
        return new ApiConfig(
                host, port, token, limit, eventQueueCapacity, writeTimeout, wsIdleTimeout, maxThreads, eventsPort);
    }
}
