package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.junit.jupiter.api.Test;

class SuspicionPolicyTest {
    private static final long NOW = 1_000_000;
    private static final long LONG_AGO = NOW - 60_000;

    private static NodeView node(int id, NodeState state, long since, List<Integer> suspectedBy) {
        return new NodeView(id, state, 2, 1024, 0, 0, 0, Map.of(), since, 0, suspectedBy, 0, false);
    }

    @Test
    void aSilentLongUpNodeHeardBeforeIsVotedAgainstOnce() {
        assertThat(SuspicionPolicy.shouldVote(
                        node(2, NodeState.UP, LONG_AGO, List.of()), 0, true, 10, NOW, NOW - 3_000))
                .isTrue();
        assertThat(SuspicionPolicy.shouldVote(
                        node(2, NodeState.UP, LONG_AGO, List.of(0)), 0, true, 10, NOW, NOW - 3_000))
                .as("already voted")
                .isFalse();
    }

    @Test
    void noVoteWithoutLocalSuspicionOrBeforeGossipWorksOrAgainstDownNodesOrOneself() {
        NodeView up = node(2, NodeState.UP, LONG_AGO, List.of());
        assertThat(SuspicionPolicy.shouldVote(up, 0, false, 10, NOW, LONG_AGO)).isFalse();
        assertThat(SuspicionPolicy.shouldVote(up, 0, true, 10, NOW, -1)).isFalse();
        assertThat(SuspicionPolicy.shouldVote(node(2, NodeState.DOWN, LONG_AGO, List.of()), 0, true, 10, NOW, LONG_AGO))
                .isFalse();
        assertThat(SuspicionPolicy.shouldVote(node(0, NodeState.UP, LONG_AGO, List.of()), 0, true, 10, NOW, LONG_AGO))
                .isFalse();
    }

    @Test
    void aNodeNeverHeardIsVotedAgainstOnlyAfterTheGraceSinceGossipWorks() {
        NodeView up = node(3, NodeState.UP, LONG_AGO, List.of());
        assertThat(SuspicionPolicy.shouldVote(up, 0, true, 0, NOW, NOW - 1_000)).isFalse();
        assertThat(SuspicionPolicy.shouldVote(up, 0, true, 0, NOW, NOW - SuspicionPolicy.GRACE_MILLIS))
                .isTrue();
    }

    @Test
    void aNodeThatJustRejoinedAndWasNotHeardSinceGetsTheGraceBeforeItCanBeSuspectedAgain() {
        NodeView rejoined = node(1, NodeState.UP, NOW - 1_000, List.of());
        int heardSinceRejoin = SuspicionPolicy.HEARD_ENOUGH - 1;
        assertThat(SuspicionPolicy.shouldVote(rejoined, 0, true, heardSinceRejoin, NOW, LONG_AGO))
                .isFalse();
        assertThat(SuspicionPolicy.shouldVote(
                        rejoined, 0, true, heardSinceRejoin, NOW - 1_000 + SuspicionPolicy.GRACE_MILLIS, LONG_AGO))
                .isTrue();
    }

    @Test
    void aNodeHeardEnoughSinceItWasMarkedUpIsVotedAgainstAtOnceEvenWithinTheGrace() {
        NodeView justUp = node(1, NodeState.UP, NOW - 1_000, List.of());
        assertThat(SuspicionPolicy.shouldVote(justUp, 0, true, SuspicionPolicy.HEARD_ENOUGH, NOW, NOW - 1_000))
                .as("its gossip worked since it joined, so its silence now is a crash, not a slow start")
                .isTrue();
    }

    @Test
    void onlyANodeHearingAtLeastNMinusFMinusOnePeersHasEvidenceWorthAVote() {
        assertThat(SuspicionPolicy.hearsEnoughPeers(2, 4))
                .as("n=4: one peer silent")
                .isTrue();
        assertThat(SuspicionPolicy.hearsEnoughPeers(1, 4))
                .as("n=4: cut off from two peers")
                .isFalse();
        assertThat(SuspicionPolicy.hearsEnoughPeers(0, 4))
                .as("n=4: hears no one")
                .isFalse();
        assertThat(SuspicionPolicy.hearsEnoughPeers(6, 10))
                .as("n=10: f=3 silent")
                .isTrue();
        assertThat(SuspicionPolicy.hearsEnoughPeers(5, 10))
                .as("n=10: four silent")
                .isFalse();
    }
}
