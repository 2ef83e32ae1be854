package org.bftswarm.worker.agent;

/**
 * The stages of one attempt as its node's worker sees them, timed for the task benchmark's breakdown:
 * Docker set-up (launch decided → container started, including waiting for a set-up
 * slot), the start report's ordering (container started → local replica shows it RUNNING), the run
 * (container started → exit and output captured), and the finish report's ordering (captured → the
 * local replica no longer assigns it here).
 */
public enum WorkerStage {
    CONTAINER_SETUP("container_setup"),
    START_ORDERED("start_ordered"),
    CONTAINER_RUN("container_run"),
    FINISH_ORDERED("finish_ordered");

    private final String metricTag;

    WorkerStage(String metricTag) {
        this.metricTag = metricTag;
    }

    /** The {@code stage} tag of the {@code bftswarm.worker.stage} timer. */
    public String metricTag() {
        return metricTag;
    }
}
