package org.bftswarm.state.view;

/**
 * The per-node PN counters: tasks run, succeeded and failed, and container CPU time. CPU time is
 * counted in milliseconds so the counter stays integral;
 * {@link ClusterView} offers it in seconds too.
 */
public enum NodeCounter {
    TASKS_RUN("tasks_run"),
    TASKS_SUCCEEDED("tasks_succeeded"),
    TASKS_FAILED("tasks_failed"),
    CONTAINER_CPU_MILLIS("container_cpu_millis");

    private final String entryName;

    NodeCounter(String entryName) {
        this.entryName = entryName;
    }

    public String entryName() {
        return entryName;
    }
}
