package org.bftswarm.orchestrator;

/**
 * What becomes of a task whose run was evicted because its node went DOWN: {@link #REQUEUE}, back in
 * the placement queue so another node takes the run, is the rule. The scheduler simulation alone
 * passes another (through {@link SchedulerRules}), one that loses the task (it waits for a placement that never
 * comes), to prove that
 * its checker of "every task of a node that went DOWN is placed again" catches it.
 */
@FunctionalInterface
public interface EvictionRule {
    /** The evicted task goes back in the placement queue. */
    EvictionRule REQUEUE = () -> true;

    /** Whether an evicted task is put back in the placement queue. */
    boolean requeues();
}
