package org.bftswarm.orchestrator;

/**
 * The scheduler's rules that a simulation replaces, one at a time, by deliberately broken ones to
 * prove that its checkers catch each: what eviction from a DOWN node does to a task, and which nodes
 * may take another run of a task. {@link #STANDARD} is the scheduler every node runs.
 */
public record SchedulerRules(EvictionRule eviction, RunEligibility eligibility) {
    /** The rules of the real scheduler. */
    public static final SchedulerRules STANDARD =
            new SchedulerRules(EvictionRule.REQUEUE, RunEligibility.ONE_LIVE_RUN_PER_NODE);
}
