package org.bftswarm.node;

import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;

/**
 * When this replica orders a {@code SuspectNode} vote, pure: only for a node its
 * local failure detector suspects, that the scheduler still has UP without this replica's vote, and
 * whose gossip is known to work: this node has heard {@link #HEARD_ENOUGH} heartbeats from it since it
 * was last marked UP, or else it has been UP for a grace period and this node has had working gossip
 * for as long (a node that just (re)joined and was not heard yet may merely not gossip yet). A node
 * heard since it (re)joined has proven its gossip, so its silence counts at once: the grace is not
 * spent on the first crash after a cluster starts. The f+1 rule in the scheduler keeps a lone lying
 * voter harmless; these rules keep honest voters from mistaking slow start-up for death.
 */
public final class SuspicionPolicy {
    /** A node never heard since start, or UP only recently, is voted against only after this long. */
    public static final long GRACE_MILLIS = 8_000;
    /** Heartbeats a node must have been heard with since it was marked UP before a suspicion of it counts at once. */
    public static final int HEARD_ENOUGH = 3;

    private SuspicionPolicy() {}

    /**
     * @param node             the scheduler's view of the suspect
     * @param me               this replica
     * @param locallySuspected whether the local failure detector suspects it now
     * @param heartbeatsHeard  heartbeats received from it since this node saw it marked UP (its current
     *                         {@code sinceMillis})
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
        if (heartbeatsHeard >= HEARD_ENOUGH) {
            return true;
        }
        boolean upLongEnough = nowMillis - node.sinceMillis() >= GRACE_MILLIS;
        return upLongEnough && nowMillis - armedAtMillis >= GRACE_MILLIS;
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
