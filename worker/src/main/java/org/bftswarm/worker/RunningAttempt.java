package org.bftswarm.worker;

/**
 * The mutable handle of one attempt while the worker runs it: its container id once known and
 * the first kill request (cancel or timeout). Kill requests and the container id meet under one
 * lock, so a kill that arrives before the container exists is applied as soon as it does.
 */
final class RunningAttempt {
    private final AttemptKey key;
    private String containerId;
    private FailureReason killReason;
    private Supervision supervision;

    RunningAttempt(AttemptKey key) {
        this.key = key;
    }

    AttemptKey key() {
        return key;
    }

    /** Records the container; returns the pending kill reason, if a kill was already requested. */
    synchronized FailureReason attach(String id) {
        this.containerId = id;
        return killReason;
    }

    /**
     * Records a kill request (the first reason wins) and returns the container id to signal, or
     * null when the container does not exist yet (the runner applies the kill once it does).
     */
    synchronized String requestKill(FailureReason reason) {
        if (killReason == null) {
            killReason = reason;
        }
        return containerId;
    }

    synchronized FailureReason killReason() {
        return killReason;
    }

    synchronized String containerId() {
        return containerId;
    }

    /** Records who follows the started container. */
    synchronized void supervisedBy(Supervision s) {
        this.supervision = s;
    }

    /** Who follows the started container, or null before start. */
    synchronized Supervision supervision() {
        return supervision;
    }
}
