package org.bftswarm.worker;

/**
 * One step of reconciliation, decided by {@link ReconcilePlan} and performed by the
 * {@link Reconciler} (style rule: effects returned, not performed).
 *
 * @param attempt the attempt the container's labels name, or null when they name none
 */
public record ReconcileAction(Kind kind, String containerId, AttemptKey attempt, long timeoutSeconds) {
    /** What to do with a container carrying our swarm and node labels. */
    public enum Kind {
        /** Still assigned here and alive: follow it to its exit and report the outcome. */
        ADOPT,
        /** Alive but no longer assigned here (or unparseable): kill it; AutoRemove deletes it. */
        KILL,
        /** Not alive (never started, or exited and not yet removed): remove it. */
        REMOVE,
        /** Already supervised by this runner: leave it alone. */
        IGNORE
    }
}
