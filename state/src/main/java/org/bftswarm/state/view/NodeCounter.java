package org.bftswarm.state.view;

/**
 * The per-node PN counters: tasks run, succeeded and failed, container CPU time, and the hashes
 * and time of the node's mining. CPU time is
 * counted in milliseconds so the counter stays integral;
 * {@link ClusterView} offers it in seconds too.
 */
public enum NodeCounter {
    TASKS_RUN("tasks_run"),
    TASKS_SUCCEEDED("tasks_succeeded"),
    TASKS_FAILED("tasks_failed"),
    CONTAINER_CPU_MILLIS("container_cpu_millis"),
    /** Nonces the node's built-in hasher tried, over every mine unit it ran. */
    MINED_HASHES("mined_hashes"),
    /** Wall-clock milliseconds the node's hasher spent on those units (hashes / millis = its hash rate). */
    MINING_MILLIS("mining_millis");

    private final String entryName;

    NodeCounter(String entryName) {
        this.entryName = entryName;
    }

    public String entryName() {
        return entryName;
    }
}
