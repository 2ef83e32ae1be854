package org.bftswarm.orchestrator;

/**
 * Whether a node that accepts work may take another run of a task in the task's current round:
 * {@link #ONE_LIVE_RUN_PER_NODE} is the rule: never while the node still has a run of the task in
 * flight (a node runs one live attempt of a task at a time), and for a task verified by a quorum
 * never on a node already tried in the round (its runs are on distinct nodes). The scheduler
 * simulation alone passes another (through {@link SchedulerRules}), one that ignores both, to prove that its checker of "never two
 * live attempts of one task on one node" catches it.
 */
@FunctionalInterface
public interface RunEligibility {
    /** The rule. */
    RunEligibility ONE_LIVE_RUN_PER_NODE =
            (hasLiveRun, triedInRound, distinctNodes) -> !hasLiveRun && (!distinctNodes || !triedInRound);

    /**
     * {@code hasLiveRun}: the node has a run of the task in flight; {@code triedInRound}: it had one
     * in this round; {@code distinctNodes}: the task's round needs its runs on distinct nodes.
     */
    boolean mayRun(boolean hasLiveRun, boolean triedInRound, boolean distinctNodes);
}
