package org.bftswarm.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Per-request meters for {@code /metrics}: {@code bftswarm_api_requests_total} and
 * {@code bftswarm_api_request_duration_seconds}, tagged by method, route template (never the raw
 * path, so ids cannot blow up the label set; unmatched paths share one label) and status code.
 */
final class RequestMetrics {
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String routeTemplate, int status, double millis) {
        String route = routeTemplate == null || routeTemplate.isEmpty() ? UNMATCHED : routeTemplate;
        String statusTag = Integer.toString(status);
        Counter.builder("bftswarm.api.requests")
                .description("HTTP requests answered, by method, route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", statusTag)
                .register(registry)
                .increment();
        Timer.builder("bftswarm.api.request.duration")
                .description("HTTP request handling time, by method, route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", statusTag)
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
