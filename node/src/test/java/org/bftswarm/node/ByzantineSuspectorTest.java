package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone Byzantine suspector evicts no one, shown with real components (four {@link NodeRuntime}s:
 * PBFT over TCP, the replicated scheduler, signed operations): one node that suspects everyone all
 * the time gets its votes ordered, yet the scheduler's f+1-distinct-suspectors rule keeps every node UP.
 */
class ByzantineSuspectorTest {

    private static final int LIAR = 3;

    @Test
    void aSingleNodeSuspectingEveryoneHasItsVotesOrderedAndEvictsNoOne(@TempDir Path data) throws Exception {
        try (TestCluster cluster = new TestCluster(data, 4).start(Map.of(LIAR, NodeFault.SUSPECT_EVERYONE))) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!everyHonestNodeSuspectedByTheLiarOnEveryReplica(cluster)) {
                assertThat(System.currentTimeMillis())
                        .as("the liar's SuspectNode votes were never all ordered")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            // watch a while with the votes standing: nobody may leave UP, and nobody but the liar votes
            long watchUntil = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < watchUntil) {
                for (NodeRuntime replica : cluster.nodes) {
                    for (NodeView v : replica.scheduler().nodes()) {
                        assertThat(v.state())
                                .as("node %s on replica %s", v.id(), replica.nodeId())
                                .isEqualTo(NodeState.UP);
                        assertThat(v.suspectedBy())
                                .as("suspectors of node %s", v.id())
                                .isSubsetOf(List.of(LIAR));
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean everyHonestNodeSuspectedByTheLiarOnEveryReplica(TestCluster cluster) {
        for (NodeRuntime replica : cluster.nodes) {
            long suspected = replica.scheduler().nodes().stream()
                    .filter(v -> v.id() != LIAR && v.suspectedBy().contains(LIAR))
                    .count();
            if (suspected < 3) {
                return false;
            }
        }
        return true;
    }
}
