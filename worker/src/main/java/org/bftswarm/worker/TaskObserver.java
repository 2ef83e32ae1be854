package org.bftswarm.worker;

/**
 * Receives the lifecycle of one task attempt (which the worker reports as
 * {@code TaskStarted} and {@code TaskFinished}). {@link #onFinished} is called exactly once per
 * launch or adoption; {@link #onStarted} at most once and always before it. Across a worker
 * restart, an adopted container is reported started again, so consumers must treat both calls as
 * idempotent (at-least-once). Callbacks run on worker threads (set-up pool, Docker stream
 * threads, the timeout timer), so they must be thread-safe and should hand long work elsewhere;
 * exceptions they throw are logged and swallowed.
 */
public interface TaskObserver {
    /** The container is running (or, after a restart, was found running and adopted). */
    void onStarted(String containerId);

    /** The attempt is over; {@code outcome} is final. */
    void onFinished(TaskOutcome outcome);

    /** An observer that ignores everything. */
    static TaskObserver ignoring() {
        return new TaskObserver() {
            @Override
            public void onStarted(String containerId) {}

            @Override
            public void onFinished(TaskOutcome outcome) {}
        };
    }
}
