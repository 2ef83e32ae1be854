package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class ReportBatchTest {

    private static TaskStarted started(TaskView t) {
        return new TaskStarted(t.id(), t.attempt(), t.node(), "c-" + t.id());
    }

    private static TaskFinished finished(TaskView t, int exit) {
        return new TaskFinished(t.id(), t.attempt(), t.node(), exit, "d" + exit, "out " + t.id(), "exited");
    }

    /** One node and a job of {@code count} tasks all placed on it. */
    private static ClusterDriver oneNodeWith(int count) {
        ClusterDriver d = ClusterDriver.withNodes(1, 8, 4096);
        d.submit(ClusterDriver.spec(0.5, 16, count));
        return d;
    }

    @Test
    void startAndFinishOfSeveralAttemptsInOneBatchEndEachTaskExactlyOnce() {
        ClusterDriver d = oneNodeWith(3);
        List<TaskView> tasks = d.scheduler.jobs().get(0).tasks();
        List<TaskStarted> starts = tasks.stream().map(ReportBatchTest::started).toList();
        List<TaskFinished> ends = tasks.stream().map(t -> finished(t, 0)).toList();

        Reply reply = d.execute(d.nodeClient(0), new ReportBatch(starts, ends));

        assertThat(reply.code()).isEqualTo(ReplyCode.REPORTS_APPLIED);
        assertThat(reply.detail()).isEqualTo("6 applied, 0 ignored, 0 rejected");
        for (TaskView t : tasks) {
            TaskView now = d.task(t.id());
            assertThat(now.state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(now.output()).isEqualTo("out " + t.id());
        }
        Reply again = d.execute(d.nodeClient(0), new ReportBatch(starts, ends));
        assertThat(again.outcome()).isEqualTo(Reply.Outcome.IGNORED);
        assertThat(again.detail()).isEqualTo("0 applied, 6 ignored, 0 rejected");
        d.scheduler.checkInvariants();
    }

    @Test
    void aSecondFinishOfTheSameAttemptInOneBatchIsIgnoredSoTheFirstResultStands() {
        ClusterDriver d = oneNodeWith(1);
        TaskView t = d.scheduler.jobs().get(0).tasks().get(0);

        Reply reply = d.execute(
                d.nodeClient(0), new ReportBatch(List.of(started(t)), List.of(finished(t, 0), finished(t, 7))));

        assertThat(reply.detail()).isEqualTo("2 applied, 1 ignored, 0 rejected");
        assertThat(d.task(t.id()).exitCode()).isEqualTo(0);
        assertThat(d.task(t.id()).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void theBatchReplyGivesEachReportsOwnCodeInOrderAndSurvivesTheReplyCodec() {
        ClusterDriver d = oneNodeWith(1);
        TaskView t = d.scheduler.jobs().get(0).tasks().get(0);

        Reply reply = d.execute(
                d.nodeClient(0),
                new ReportBatch(List.of(started(t), started(t)), List.of(finished(t, 0), finished(t, 7))));

        assertThat(reply.reports())
                .containsExactly(
                        ReplyCode.TASK_STARTED,
                        ReplyCode.DUPLICATE,
                        ReplyCode.TASK_FINISHED,
                        ReplyCode.TASK_NOT_ACTIVE);
        assertThat(ReplyCodec.decode(ReplyCodec.encode(reply))).contains(reply);
        Reply plain = Reply.ok(ReplyCode.TICK, null);
        assertThat(new String(ReplyCodec.encode(plain), StandardCharsets.UTF_8)).doesNotContain("reports");
    }

    @Test
    void aStaleAttemptInABatchIsIgnoredWhileTheCurrentAttemptsReportApplies() {
        ClusterDriver d = ClusterDriver.withNodes(1, 8, 4096);
        String job = d.submit(new JobSpec("r", "img", List.of("false"), null, 0.5, 16L, 60, 3, 1, 1, null, null));
        TaskView first = d.task(job + ".0");
        d.start(first.id());
        d.finish(first.id(), 1);
        d.advance(120_000);
        d.tick();
        TaskView second = d.task(job + ".0");
        assertThat(second.attempt()).isGreaterThan(first.attempt());

        Reply reply = d.execute(
                d.nodeClient(0),
                new ReportBatch(List.of(started(second)), List.of(finished(first, 0), finished(second, 5))));

        assertThat(reply.detail()).isEqualTo("2 applied, 1 ignored, 0 rejected");
        TaskView now = d.task(job + ".0");
        assertThat(now.attempt()).isEqualTo(second.attempt());
        assertThat(now.exitCode()).isEqualTo(5);
    }

    @Test
    void reportsForAnotherNodeAreRefusedWithoutAffectingThisNodesReports() {
        ClusterDriver d = ClusterDriver.withNodes(2, 1, 4096);
        String job = d.submit(ClusterDriver.spec(1, 16, 2));
        TaskView mine =
                d.tasksOf(job).stream().filter(t -> t.node() == 0).findFirst().orElseThrow();
        TaskView theirs =
                d.tasksOf(job).stream().filter(t -> t.node() == 1).findFirst().orElseThrow();

        Reply reply = d.execute(d.nodeClient(0), new ReportBatch(List.of(started(mine), started(theirs)), List.of()));

        assertThat(reply.detail()).isEqualTo("1 applied, 0 ignored, 1 rejected");
        assertThat(d.task(mine.id()).state()).isEqualTo(TaskState.RUNNING);
        assertThat(d.task(theirs.id()).state()).isEqualTo(TaskState.ASSIGNED);
    }

    @Test
    void aBatchWhoseReportsAreAllRefusedIsRejectedAndChangesNothing() {
        ClusterDriver d = ClusterDriver.withNodes(2, 1, 4096);
        String job = d.submit(ClusterDriver.spec(1, 16, 2));
        TaskView theirs =
                d.tasksOf(job).stream().filter(t -> t.node() == 1).findFirst().orElseThrow();
        byte[] before = d.scheduler.snapshot();

        Reply reply =
                d.execute(d.nodeClient(0), new ReportBatch(List.of(started(theirs)), List.of(finished(theirs, 0))));

        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REJECTED);
        assertThat(d.scheduler.snapshot()).isEqualTo(before);
    }

    @Test
    void emptyAndOversizedBatchesAreRejectedAndChangeNothing() {
        ClusterDriver d = oneNodeWith(1);
        TaskView t = d.scheduler.jobs().get(0).tasks().get(0);
        List<TaskStarted> tooMany = new ArrayList<>();
        for (int i = 0; i <= ReportBatch.MAX_REPORTS; i++) {
            tooMany.add(started(t));
        }
        byte[] before = d.scheduler.snapshot();

        assertThat(d.execute(d.nodeClient(0), new ReportBatch(List.of(), List.of()))
                        .code())
                .isEqualTo(ReplyCode.INVALID);
        assertThat(d.execute(d.nodeClient(0), new ReportBatch(tooMany, List.of()))
                        .code())
                .isEqualTo(ReplyCode.INVALID);
        assertThat(d.scheduler.snapshot()).isEqualTo(before);
    }

    @Test
    void batchRoundTripsThroughTheCodecAndIncompleteBatchesAreMalformed() {
        ClusterDriver d = oneNodeWith(1);
        TaskView t = d.scheduler.jobs().get(0).tasks().get(0);
        ReportBatch batch = new ReportBatch(List.of(started(t)), List.of(finished(t, 3)));
        byte[] bytes = OperationCodec.encode(batch);
        assertThat(OperationCodec.decode(bytes)).isEqualTo(new DecodeResult.Decoded(batch));

        for (String json : List.of(
                "{\"op\":\"ReportBatch\",\"started\":[]}",
                "{\"op\":\"ReportBatch\",\"finished\":[],\"started\":[null]}",
                "{\"op\":\"ReportBatch\",\"finished\":[{\"attempt\":1,\"node\":0}],\"started\":[]}",
                "{\"op\":\"ReportBatch\",\"finished\":[],\"started\":[{\"op\":\"Tick\"}]}")) {
            assertThat(OperationCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .as(json)
                    .isInstanceOf(DecodeResult.Malformed.class);
        }
    }
}
