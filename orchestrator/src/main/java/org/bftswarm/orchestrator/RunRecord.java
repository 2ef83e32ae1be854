package org.bftswarm.orchestrator;

/**
 * One run of a task in flight on one node: its attempt number (unique within the task), when it was
 * placed and, once its worker reported the container started, when and which container. A task has at
 * most one run per node, so a node's active task id names its run.
 */
record RunRecord(int attempt, int node, long assignedAtMillis, Long startedAtMillis, String containerId) {

    static RunRecord assigned(int attempt, int node, long now) {
        return new RunRecord(attempt, node, now, null, null);
    }

    boolean started() {
        return startedAtMillis != null;
    }

    RunRecord start(long now, String container) {
        return new RunRecord(attempt, node, assignedAtMillis, now, container);
    }
}
