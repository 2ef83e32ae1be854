package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {

    private static NodeState stateOf(ClusterDriver d, int node) {
        return d.scheduler.nodes().stream()
                .filter(n -> n.id() == node)
                .findFirst()
                .map(NodeView::state)
                .orElseThrow();
    }

    @Test
    void oneByzantineSuspectorSpammingEveryoneEvictsNobody() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        for (int round = 0; round < 50; round++) {
            for (int suspect = 1; suspect < 4; suspect++) {
                Reply r = d.suspect(0, suspect);
                assertThat(r.code()).isEqualTo(ReplyCode.SUSPICION_RECORDED);
            }
            d.advance(100);
        }
        assertThat(d.scheduler.nodes()).extracting(NodeView::state).containsOnly(NodeState.UP);
    }

    @Test
    void fPlusOneDistinctSuspectorsWithinTheWindowMarkTheNodeDown() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096); // f = 1, quorum 2
        assertThat(d.suspect(0, 3).code()).isEqualTo(ReplyCode.SUSPICION_RECORDED);
        assertThat(stateOf(d, 3)).isEqualTo(NodeState.UP);
        d.advance(5_000);
        assertThat(d.suspect(1, 3).code()).isEqualTo(ReplyCode.NODE_DOWN);
        assertThat(stateOf(d, 3)).isEqualTo(NodeState.DOWN);
        assertThat(d.suspect(2, 3).code()).isEqualTo(ReplyCode.NODE_ALREADY_DOWN);
    }

    @Test
    void suspicionsFurtherApartThanTheWindowDoNotAddUp() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        d.suspect(0, 3);
        d.advance(d.scheduler.config().suspicionWindowMillis() + 1);
        assertThat(d.suspect(1, 3).code()).isEqualTo(ReplyCode.SUSPICION_RECORDED);
        assertThat(stateOf(d, 3)).isEqualTo(NodeState.UP);
    }

    @Test
    void largerClusterNeedsFPlusOneSuspectors() {
        ClusterDriver d = ClusterDriver.withNodes(7, 4, 4096); // f = 2, quorum 3
        d.suspect(0, 6);
        d.suspect(1, 6);
        assertThat(stateOf(d, 6)).isEqualTo(NodeState.UP);
        assertThat(d.suspect(2, 6).code()).isEqualTo(ReplyCode.NODE_DOWN);
    }

    @Test
    void suspicionOnlyFromTheSuspectorsOwnPrincipal() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        Reply forged = d.execute(d.nodeClient(0), new SuspectNode(1, 3));
        assertThat(forged.code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        Reply user = d.execute(ClusterDriver.USER, new SuspectNode(1, 3));
        assertThat(user.code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        d.suspect(0, 3);
        d.execute(d.nodeClient(0), new SuspectNode(2, 3));
        assertThat(stateOf(d, 3)).isEqualTo(NodeState.UP);
    }

    @Test
    void tasksOfADownNodeGetNewAttemptsElsewhereAndOldReportsAreIgnored() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 8));
        TaskView onThree =
                d.tasksOf(job).stream().filter(t -> t.node() == 3).findFirst().orElseThrow();
        d.start(onThree.id());
        d.suspect(0, 3);
        d.suspect(1, 3);

        TaskView moved = d.task(onThree.id());
        assertThat(moved.attempt()).isEqualTo(onThree.attempt() + 1);
        assertThat(moved.node()).isNotEqualTo(3);
        assertThat(moved.state()).isEqualTo(TaskState.ASSIGNED);
        assertThat(moved.history())
                .singleElement()
                .satisfies(h -> assertThat(h.outcome()).isEqualTo("node-down"));
        assertThat(d.scheduler.assignmentsFor(3)).isEmpty();
        assertThat(d.scheduler.assignmentsFor(moved.node())).anySatisfy(a -> {
            assertThat(a.taskId()).isEqualTo(moved.id());
            assertThat(a.attempt()).isEqualTo(moved.attempt());
        });

        Reply stale = d.finishAs(3, onThree.id(), onThree.attempt(), 0);
        assertThat(stale.outcome()).isEqualTo(Reply.Outcome.IGNORED);
        assertThat(stale.code()).isEqualTo(ReplyCode.STALE_ATTEMPT);
        assertThat(d.task(onThree.id()).state()).isEqualTo(TaskState.ASSIGNED);
        d.scheduler.checkInvariants();
    }

    @Test
    void rejoinedNodeIsUpAgainButItsOldTasksAreNoLongerItsOwn() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 4));
        TaskView onTwo =
                d.tasksOf(job).stream().filter(t -> t.node() == 2).findFirst().orElseThrow();
        d.suspect(0, 2);
        d.suspect(1, 2);
        Reply forgedAlive = d.execute(d.nodeClient(1), new NodeAlive(2));
        assertThat(forgedAlive.code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(stateOf(d, 2)).isEqualTo(NodeState.DOWN);

        assertThat(d.execute(d.nodeClient(2), new NodeAlive(2)).code()).isEqualTo(ReplyCode.NODE_UP);
        assertThat(stateOf(d, 2)).isEqualTo(NodeState.UP);
        assertThat(d.scheduler.assignmentsFor(2)).extracting(a -> a.taskId()).doesNotContain(onTwo.id());
        assertThat(d.finishAs(2, onTwo.id(), onTwo.attempt(), 0).code()).isEqualTo(ReplyCode.STALE_ATTEMPT);

        String later = d.submit(ClusterDriver.spec(1, 64, 1));
        assertThat(d.tasksOf(later).get(0).node()).isEqualTo(2);
    }

    @Test
    void downNodeTasksWaitPendingWhenNothingElseFits() {
        ClusterDriver d = ClusterDriver.of(4);
        d.register(0, 1, 1024, Map.of());
        d.register(1, 1, 1024, Map.of());
        String job = d.submit(ClusterDriver.spec(1, 64, 2));
        String onOne = d.tasksOf(job).get(1).id();
        d.suspect(0, 1);
        d.suspect(2, 1);
        assertThat(d.task(onOne).state()).isEqualTo(TaskState.PENDING);
        d.execute(d.nodeClient(1), new NodeAlive(1));
        assertThat(d.task(onOne).state()).isEqualTo(TaskState.ASSIGNED);
        assertThat(d.task(onOne).attempt()).isEqualTo(2);
    }
}
