package org.bftswarm.node;

import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;

/**
 * When this replica orders a {@code SuspectNode} vote, pure: only for a node its
 * local failure detector suspects, that the scheduler still has UP without this replica's vote, that
 * has been UP for a grace period (a node that just (re)joined may not gossip yet), and that this node
 * has either heard a few heartbeats from since it started or has had working gossip for the grace
 * period. The f+1 rule in the scheduler keeps a lone lying voter harmless; these rules keep honest
 * voters from mistaking slow start-up for death.
 */
public final class SuspicionPolicy {
    /** A node never heard since start, or UP only recently, is voted against only after this long. */
    public static final long GRACE_MILLIS = 8_000;
    /** Heartbeats a node must have been heard with before a suspicion of it counts at once. */
    public static final int HEARD_ENOUGH = 3;

    private SuspicionPolicy() {}

    /**
     * @param node             the scheduler's view of the suspect
     * @param me               this replica
     * @param locallySuspected whether the local failure detector suspects it now
     * @param heartbeatsHeard  heartbeats received from it since this node started
     * @param nowMillis        local wall clock
     * @param armedAtMillis    when gossip became usable here, or a negative value if not yet
     */
    public static boolean shouldVote(
            NodeView node, int me, boolean locallySuspected, int heartbeatsHeard, long nowMillis, long armedAtMillis) {
        if (armedAtMillis < 0
                || !locallySuspected
                || node.id() == me
                || node.state() != NodeState.UP
                || node.suspectedBy().contains(me)) {
            return false;
        }
        boolean upLongEnough = nowMillis - node.sinceMillis() >= GRACE_MILLIS;
        boolean heardEnough = heartbeatsHeard >= HEARD_ENOUGH || nowMillis - armedAtMillis >= GRACE_MILLIS;
        return upLongEnough && heardEnough;
    }

    /**
     * Whether this replica's silence evidence is worth anything: it must currently hear at least
     * n-f-1 of the other n-1 nodes (with at most f faulty, a correct, connected node always does). A
     * node that hears fewer is the one cut off or stalled, and would otherwise suspect the healthy.
     */
    public static boolean hearsEnoughPeers(int othersHeard, int n) {
        int f = Quorums.faultsTolerated(n);
        return othersHeard >= n - f - 1;
    }
}
