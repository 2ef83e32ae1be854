package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.ReadmitNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

/** Quorum verification in the scheduler: n = 4, f = 1, so 2 matching of at most 3 reports. */
class QuorumVerificationTest {

    private static final String TRUTH = "hello\n";

    private static JobSpec quorumSpec(int count) {
        return ClusterDriver.spec(0.5, 64, count).withVerification(Verification.QUORUM);
    }

    private static List<Integer> runNodes(TaskView t) {
        return t.runs().stream().map(Assignment::node).toList();
    }

    private static Reply report(ClusterDriver d, String taskId, int node, String output) {
        TaskView t = d.task(taskId);
        Assignment run =
                t.runs().stream().filter(r -> r.node() == node).findFirst().orElseThrow();
        return d.execute(
                d.nodeClient(node),
                new TaskFinished(taskId, run.attempt(), node, 0, "sha:" + output.hashCode(), output, "exited"));
    }

    private static NodeView node(ClusterDriver d, int id) {
        return d.scheduler.nodes().stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aQuorumTaskRunsOnFPlusOneDistinctNodesAtOnce() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(quorumSpec(3));
        for (TaskView t : d.tasksOf(job)) {
            assertThat(t.runs()).hasSize(2);
            assertThat(runNodes(t)).doesNotHaveDuplicates();
            assertThat(t.runs()).extracting(Assignment::attempt).doesNotHaveDuplicates();
        }
    }

    @Test
    void matchingReportsFromFPlusOneNodesAcceptTheResult() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        List<Integer> nodes = runNodes(d.task(task));
        assertThat(report(d, task, nodes.get(0), TRUTH).isOk()).isTrue();
        assertThat(d.task(task).state().isActive()).isTrue();
        report(d, task, nodes.get(1), TRUTH);
        TaskView done = d.task(task);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.output()).isEqualTo(TRUTH);
        assertThat(done.verifiedBy())
                .containsExactlyElementsOf(nodes.stream().sorted().toList());
        assertThat(done.disputedBy()).isEmpty();
    }

    @Test
    void oneLyingNodeIsOutvotedRecordedAndItsResultNeverAccepted() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        List<Integer> nodes = runNodes(d.task(task));
        int liar = nodes.get(0);
        int honest = nodes.get(1);
        report(d, task, liar, "forged\n");
        report(d, task, honest, TRUTH);
        TaskView mid = d.task(task);
        assertThat(mid.state().isActive()).as("a mismatch asks a third node").isTrue();
        assertThat(runNodes(mid)).hasSize(1).doesNotContain(liar, honest);
        report(d, task, runNodes(mid).get(0), TRUTH);
        TaskView done = d.task(task);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.output()).isEqualTo(TRUTH);
        assertThat(done.disputedBy()).containsExactly(liar);
        assertThat(done.verifiedBy()).doesNotContain(liar).hasSize(2);
        assertThat(node(d, liar).disputedResults()).isEqualTo(1);
    }

    @Test
    void aTaskIsRunningExactlyWhileOneOfItsRunsHasStarted() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        Assignment first = d.task(task).runs().get(0);
        d.execute(d.nodeClient(first.node()), new TaskStarted(task, first.attempt(), first.node(), "c1"));
        assertThat(d.task(task).state()).isEqualTo(TaskState.RUNNING);
        report(d, task, first.node(), TRUTH);
        assertThat(d.task(task).state()).isEqualTo(TaskState.ASSIGNED);
        d.scheduler.checkInvariants();
    }

    @Test
    void threeDifferentReportsEndTheTaskDisputedAndTheJobFailed() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(quorumSpec(1));
        String task = d.tasksOf(job).get(0).id();
        List<Integer> first = runNodes(d.task(task));
        report(d, task, first.get(0), "a");
        report(d, task, first.get(1), "b");
        report(d, task, runNodes(d.task(task)).get(0), "c");
        TaskView t = d.task(task);
        assertThat(t.state()).isEqualTo(TaskState.DISPUTED);
        assertThat(t.reason()).contains("disputed").contains("3 reports");
        assertThat(t.output()).isNull();
        assertThat(d.scheduler.job(job).orElseThrow().status().name()).isEqualTo("FAILED");
    }

    @Test
    void withoutQuorumTheOneReportIsTheResultEvenALie() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(ClusterDriver.spec(0.5, 64, 1))).get(0).id();
        TaskView t = d.task(task);
        assertThat(t.runs()).hasSize(1);
        report(d, task, t.node(), "forged\n");
        assertThat(d.task(task).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(d.task(task).output()).isEqualTo("forged\n");
    }

    @Test
    void fewerThanFPlusOneUpNodesLeaveTheTaskWaitingPending() {
        ClusterDriver d = ClusterDriver.of(4);
        d.register(0, 4, 4096, Map.of());
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        assertThat(d.task(task).runs()).hasSize(1);
        report(d, task, 0, TRUTH);
        TaskView t = d.task(task);
        assertThat(t.state()).isEqualTo(TaskState.PENDING);
        d.register(1, 4, 4096, Map.of());
        assertThat(runNodes(d.task(task))).containsExactly(1);
        report(d, task, 1, TRUTH);
        assertThat(d.task(task).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void aSilentRunTimesOutAndIsReplacedOnAnotherNode() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        List<Integer> nodes = runNodes(d.task(task));
        int silent = nodes.get(0);
        report(d, task, nodes.get(1), TRUTH);
        d.advance(60_000 + d.scheduler.config().timeoutGraceMillis() + 1);
        d.tick();
        TaskView t = d.task(task);
        assertThat(runNodes(t)).hasSize(1).doesNotContain(silent, nodes.get(1));
        report(d, task, runNodes(t).get(0), TRUTH);
        assertThat(d.task(task).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(d.task(task).history())
                .anyMatch(a -> a.node() == silent && a.outcome().equals("timeout"));
    }

    @Test
    void reportsForAnotherNodesRunAreRefusedAndASecondReportIgnored() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        List<Integer> nodes = runNodes(d.task(task));
        Assignment other = d.task(task).runs().get(1);
        int outsider = List.of(0, 1, 2, 3).stream()
                .filter(n -> !nodes.contains(n))
                .findFirst()
                .orElseThrow();
        Reply stolen = d.execute(
                d.nodeClient(outsider), new TaskFinished(task, other.attempt(), outsider, 0, "x", TRUTH, "exited"));
        assertThat(stolen.code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        Assignment mine = d.task(task).runs().get(0);
        report(d, task, mine.node(), TRUTH);
        Reply again = d.execute(
                d.nodeClient(mine.node()),
                new TaskFinished(task, mine.attempt(), mine.node(), 0, "sha:" + TRUTH.hashCode(), TRUTH, "exited"));
        assertThat(again.outcome()).isEqualTo(Reply.Outcome.IGNORED);
        Reply started =
                d.execute(d.nodeClient(mine.node()), new TaskStarted(task, mine.attempt(), mine.node(), "late"));
        assertThat(started.outcome()).isEqualTo(Reply.Outcome.IGNORED);
    }

    @Test
    void aNodeDisagreeingKTimesIsQuarantinedUntilFPlusOneNodesReadmitIt() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        int liar = 3;
        int disagreements = 0;
        for (int round = 0; round < 20 && !node(d, liar).quarantined(); round++) {
            // Two tasks of f+1 runs each occupy all four nodes, so the liar runs one of them.
            for (TaskView t : d.tasksOf(d.submit(quorumSpec(2)))) {
                while (d.task(t.id()).state().isActive()) {
                    Assignment run = d.task(t.id()).runs().get(0);
                    report(d, t.id(), run.node(), run.node() == liar ? "lie " + round : TRUTH);
                }
                assertThat(d.task(t.id()).output()).isEqualTo(TRUTH);
            }
            disagreements = node(d, liar).disputedResults();
        }
        assertThat(node(d, liar).quarantined()).isTrue();
        assertThat(disagreements).isEqualTo(d.scheduler.config().quarantineAfter());
        String next = d.tasksOf(d.submit(quorumSpec(4))).get(0).id();
        assertThat(d.scheduler.assignmentsFor(liar)).isEmpty();
        assertThat(d.task(next).runs()).isNotEmpty();

        assertThat(d.execute(d.nodeClient(liar), new ReadmitNode(liar, liar)).code())
                .isEqualTo(ReplyCode.INVALID);
        assertThat(d.execute(d.nodeClient(0), new ReadmitNode(liar, 1)).code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.execute(d.nodeClient(0), new ReadmitNode(liar, 0)).code()).isEqualTo(ReplyCode.READMIT_RECORDED);
        assertThat(d.execute(d.nodeClient(0), new ReadmitNode(liar, 0)).code()).isEqualTo(ReplyCode.DUPLICATE);
        assertThat(node(d, liar).quarantined()).isTrue();
        assertThat(d.execute(d.nodeClient(1), new ReadmitNode(liar, 1)).code()).isEqualTo(ReplyCode.NODE_READMITTED);
        assertThat(node(d, liar).quarantined()).isFalse();
    }

    @Test
    void aRegistrationClaimingMoreThanTheConfigurationGivesIsRefused() {
        TreeMap<Integer, SchedulerConfig.ConfiguredNode> configured = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            configured.put(i, new SchedulerConfig.ConfiguredNode(2, 2048, new TreeMap<>(Map.of("zone", "a"))));
        }
        ClusterDriver d =
                new ClusterDriver(new Scheduler(SchedulerConfig.defaults(4).withConfiguredNodes(configured)));
        assertThat(d.register(0, 2, 2048, Map.of("zone", "a")).isOk()).isTrue();
        Reply inflated = d.register(1, 2000, 2_048_000, Map.of("zone", "a"));
        assertThat(inflated.code()).isEqualTo(ReplyCode.REGISTRATION_MISMATCH);
        assertThat(inflated.errors()).anyMatch(e -> e.startsWith("cpus: 2000.0 claimed, 2.0 configured"));
        Reply relabelled = d.register(2, 2, 2048, Map.of("zone", "b"));
        assertThat(relabelled.code()).isEqualTo(ReplyCode.REGISTRATION_MISMATCH);
        assertThat(d.scheduler.nodes()).extracting(NodeView::id).containsExactly(0);
        assertThat(d.scheduler.rejections()).containsEntry(ReplyCode.REGISTRATION_MISMATCH, 2L);
    }

    @Test
    void aQuorumJobWhoseConstraintsFewerThanFPlusOneConfiguredNodesMatchIsRefused() {
        TreeMap<Integer, SchedulerConfig.ConfiguredNode> configured = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            configured.put(
                    i, new SchedulerConfig.ConfiguredNode(2, 2048, new TreeMap<>(Map.of("zone", i == 0 ? "a" : "b"))));
        }
        ClusterDriver d =
                new ClusterDriver(new Scheduler(SchedulerConfig.defaults(4).withConfiguredNodes(configured)));
        JobSpec base = ClusterDriver.spec(0.5, 64, 1);
        JobSpec zoneA = new JobSpec(
                base.name(),
                base.image(),
                base.command(),
                null,
                0.5,
                64L,
                60,
                0,
                1,
                1,
                Map.of("zone", "a"),
                null,
                Verification.QUORUM);
        Reply refused = d.execute(ClusterDriver.USER, new SubmitJob(null, zoneA));
        assertThat(refused.code()).isEqualTo(ReplyCode.INVALID);
        assertThat(refused.errors()).singleElement().asString().startsWith("verification: quorum needs 2");
        Reply trusted = d.execute(ClusterDriver.USER, new SubmitJob(null, zoneA.withVerification(Verification.NONE)));
        assertThat(trusted.isOk()).isTrue();
    }

    @Test
    void theClusterDefaultVerificationAppliesToJobsThatNameNone() {
        ClusterDriver d =
                new ClusterDriver(new Scheduler(SchedulerConfig.defaults(4).withVerification(Verification.QUORUM, 3)));
        for (int i = 0; i < 4; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        String job = d.submit(ClusterDriver.spec(0.5, 64, 1));
        assertThat(d.scheduler.job(job).orElseThrow().spec().verification()).isEqualTo(Verification.QUORUM);
        assertThat(d.tasksOf(job).get(0).runs()).hasSize(2);
    }

    @Test
    void aSnapshotInTheMiddleOfARoundRestoresTheSameState() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(2))).get(0).id();
        report(d, task, runNodes(d.task(task)).get(0), TRUTH);
        byte[] snapshot = d.scheduler.snapshot();
        Scheduler copy = Scheduler.forCluster(4);
        copy.restore(snapshot);
        assertThat(copy.digest()).isEqualTo(d.scheduler.digest());
        assertThat(copy.task(task)).isEqualTo(d.scheduler.task(task));
        copy.checkInvariants();
    }

    /** Marks {@code target} DOWN by the votes of the two other nodes first in UP-first order. */
    private static void markDown(ClusterDriver d, int target) {
        List<Integer> voters = d.scheduler.nodes().stream()
                .filter(n -> n.id() != target)
                .sorted((a, b) -> Boolean.compare(a.state() != NodeState.UP, b.state() != NodeState.UP))
                .map(NodeView::id)
                .limit(2)
                .toList();
        voters.forEach(v -> d.suspect(v, target));
        assertThat(node(d, target).state()).isEqualTo(NodeState.DOWN);
    }

    @Test
    void aRoundWhoseRunsWereEvictedFromNodesGoneDownRunsOnThemWhenTheyAreBack() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(quorumSpec(1))).get(0).id();
        int stays = runNodes(d.task(task)).get(1);
        int evictedFirst = runNodes(d.task(task)).get(0);
        markDown(d, evictedFirst);
        for (int round = 0; round < 2; round++) {
            int next = runNodes(d.task(task)).stream()
                    .filter(n -> n != stays)
                    .findFirst()
                    .orElseThrow();
            markDown(d, next);
        }
        // Every node but one has had its run evicted in this round; none of them is UP.
        assertThat(runNodes(d.task(task))).containsExactly(stays);

        d.execute(d.nodeClient(evictedFirst), new NodeAlive(evictedFirst));
        assertThat(runNodes(d.task(task))).containsExactlyInAnyOrder(stays, evictedFirst);
        report(d, task, stays, TRUTH);
        report(d, task, evictedFirst, TRUTH);
        assertThat(d.task(task).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(d.task(task).verifiedBy()).containsExactlyInAnyOrder(stays, evictedFirst);
        d.scheduler.checkInvariants();
    }
}
