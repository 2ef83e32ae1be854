package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void tasksSpreadOverNodesWithFewestActiveTasksAndLowestIdBreaksTies() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 100, 6));
        List<Integer> nodes = d.tasksOf(job).stream().map(TaskView::node).toList();
        assertThat(nodes).containsExactly(0, 1, 2, 3, 0, 1);
    }

    @Test
    void mostFreeCpuWinsAmongNodesWithEqualTaskCounts() {
        ClusterDriver d = ClusterDriver.of(4);
        d.register(0, 2, 4096, Map.of());
        d.register(1, 8, 4096, Map.of());
        d.register(2, 4, 4096, Map.of());
        String job = d.submit(ClusterDriver.spec(1, 100, 1));
        assertThat(d.tasksOf(job).get(0).node()).isEqualTo(1);
    }

    @Test
    void placementNeverExceedsCpuOrMemoryCapacity() {
        ClusterDriver d = ClusterDriver.withNodes(4, 2, 1000);
        d.submit(ClusterDriver.spec(0.75, 100, 20));
        d.submit(ClusterDriver.spec(0.1, 400, 20));
        for (NodeView n : d.scheduler.nodes()) {
            assertThat(n.usedCpus()).isLessThanOrEqualTo(n.cpus());
            assertThat(n.usedMemoryMb()).isLessThanOrEqualTo(n.memoryMb());
        }
        assertThat(d.scheduler.nodes())
                .allSatisfy(n -> assertThat(n.activeTasks()).isPositive());
        d.scheduler.checkInvariants();
    }

    @Test
    void tasksGoOnlyToNodesWhoseLabelsSatisfyTheConstraints() {
        ClusterDriver d = ClusterDriver.of(4);
        d.register(0, 4, 4096, Map.of("zone", "a"));
        d.register(1, 4, 4096, Map.of("zone", "b", "gpu", "yes"));
        d.register(2, 4, 4096, Map.of("zone", "b"));
        d.register(3, 4, 4096, Map.of());
        JobSpec spec = new JobSpec("c", "img", List.of(), null, 0.5, 10L, 60, 0, 1, 6, Map.of("zone", "b"), null);
        String job = d.submit(spec);
        assertThat(d.tasksOf(job)).extracting(TaskView::node).allMatch(n -> n == 1 || n == 2);
        JobSpec gpu = new JobSpec(
                "g", "img", List.of(), null, 0.5, 10L, 60, 0, 1, 2, Map.of("zone", "b", "gpu", "yes"), null);
        assertThat(d.tasksOf(d.submit(gpu))).extracting(TaskView::node).containsOnly(1);
    }

    @Test
    void taskThatFitsNowhereStaysPendingUntilCapacityFrees() {
        ClusterDriver d = ClusterDriver.withNodes(4, 1, 1024);
        String big = d.submit(ClusterDriver.spec(1, 512, 4));
        String waiting = d.submit(ClusterDriver.spec(1, 512, 1));
        TaskView w = d.tasksOf(waiting).get(0);
        assertThat(w.state()).isEqualTo(TaskState.PENDING);
        assertThat(w.node()).isNull();
        assertThat(d.scheduler.assignmentsFor(2)).extracting(a -> a.taskId()).doesNotContain(w.id());

        String freed = d.tasksOf(big).get(2).id();
        d.start(freed);
        d.finish(freed, 0);

        TaskView placed = d.task(w.id());
        assertThat(placed.state()).isEqualTo(TaskState.ASSIGNED);
        assertThat(placed.node()).isEqualTo(2);
        assertThat(placed.attempt()).isEqualTo(1);
        assertThat(d.scheduler.assignmentsFor(2)).extracting(a -> a.taskId()).containsExactly(w.id());
    }

    @Test
    void smallTaskIsNotBlockedByAnOlderTaskThatFitsNowhere() {
        ClusterDriver d = ClusterDriver.withNodes(4, 2, 1024);
        String huge = d.submit(ClusterDriver.spec(16, 64, 1));
        String small = d.submit(ClusterDriver.spec(1, 64, 1));
        assertThat(d.tasksOf(huge).get(0).state()).isEqualTo(TaskState.PENDING);
        assertThat(d.tasksOf(small).get(0).state()).isEqualTo(TaskState.ASSIGNED);
    }

    @Test
    void nodesRegisteringLaterReceiveWaitingTasks() {
        ClusterDriver d = ClusterDriver.of(4);
        String job = d.submit(ClusterDriver.spec(1, 64, 2));
        assertThat(d.tasksOf(job)).extracting(TaskView::state).containsOnly(TaskState.PENDING);
        d.register(3, 4, 4096, Map.of());
        assertThat(d.tasksOf(job)).extracting(TaskView::node).containsOnly(3);
        Map<Integer, Long> perNode = d.scheduler.assignmentsFor(3).stream()
                .collect(Collectors.groupingBy(a -> a.attempt(), Collectors.counting()));
        assertThat(perNode).containsEntry(1, 2L);
    }
}
