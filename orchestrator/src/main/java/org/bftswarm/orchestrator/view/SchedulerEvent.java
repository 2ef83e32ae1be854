package org.bftswarm.orchestrator.view;

/**
 * A state change produced by executing one operation (returned, never pushed by the core); the API
 * streams these on {@code /api/v1/events}. {@code kind} is {@code job}, {@code task} or
 * {@code node}; {@code state} is the new state's name.
 */
public record SchedulerEvent(
        long sequence,
        long timestampMillis,
        String kind,
        String id,
        String state,
        Integer attempt,
        Integer node,
        String detail) {}
