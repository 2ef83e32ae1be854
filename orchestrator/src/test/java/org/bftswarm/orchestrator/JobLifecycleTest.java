package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskState;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {

    private static JobStatus status(ClusterDriver d, String job) {
        return d.scheduler.job(job).orElseThrow().status();
    }

    @Test
    void statusMovesPendingRunningPartialComplete() {
        ClusterDriver d = ClusterDriver.of(4);
        JobSpec spec = new JobSpec("s", "img", List.of("true"), null, 1.0, 64L, 30, 0, 1, 2, null, null);
        String job = d.submit(spec);
        assertThat(status(d, job)).isEqualTo(JobStatus.PENDING);
        assertThat(JobStatus.PENDING.isTerminal()).isFalse();

        d.register(0, 4, 4096, Map.of());
        assertThat(status(d, job)).isEqualTo(JobStatus.RUNNING);
        d.start(job + ".0");
        d.finish(job + ".0", 0);
        assertThat(status(d, job)).isEqualTo(JobStatus.RUNNING);

        d.start(job + ".1");
        d.advance(30_001);
        d.tick();
        assertThat(status(d, job)).isEqualTo(JobStatus.PARTIAL);
        assertThat(JobStatus.PARTIAL.isTerminal()).isFalse();

        d.finish(job + ".1", 0);
        JobView done = d.scheduler.job(job).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(done.status().isTerminal()).isTrue();
        assertThat(done.tasks())
                .extracting(t -> t.output())
                .containsExactly("out " + job + ".0 #1", "out " + job + ".1 #1");
    }

    @Test
    void cancellingAJobEndsItsTasksAndFreesTheirNodes() {
        ClusterDriver d = ClusterDriver.withNodes(4, 1, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 6));
        d.start(job + ".0");
        d.finish(job + ".1", 0);
        Reply cancel = d.execute(ClusterDriver.USER, new CancelJob(job));
        assertThat(cancel.code()).isEqualTo(ReplyCode.JOB_CANCELLED);
        assertThat(d.tasksOf(job))
                .extracting(t -> t.state())
                .containsExactly(
                        TaskState.CANCELLED,
                        TaskState.SUCCEEDED,
                        TaskState.CANCELLED,
                        TaskState.CANCELLED,
                        TaskState.CANCELLED,
                        TaskState.CANCELLED);
        assertThat(status(d, job)).isEqualTo(JobStatus.CANCELLED);
        for (int node = 0; node < 4; node++) {
            assertThat(d.scheduler.assignmentsFor(node)).isEmpty();
        }
        assertThat(d.execute(ClusterDriver.USER, new CancelJob(job)).code()).isEqualTo(ReplyCode.DUPLICATE);
        Reply late = d.execute(d.nodeClient(0), new TaskStarted(job + ".0", 1, 0, "c"));
        assertThat(late.outcome()).isEqualTo(Reply.Outcome.IGNORED);
        d.scheduler.checkInvariants();
    }

    @Test
    void jobSubmittedThroughOneNodeMayBeCancelledThroughAnother() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        Reply submitted = d.execute(d.nodeClient(2), new SubmitJob(null, ClusterDriver.spec(1, 64, 1)));
        Reply cancel = d.execute(d.nodeClient(0), new CancelJob(submitted.jobId()));
        assertThat(cancel.code()).isEqualTo(ReplyCode.JOB_CANCELLED);
    }

    @Test
    void jobSubmittedThroughOneNodesApiSessionMayBeCancelledThroughAnotherNode() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        int apiSessionOfNode2 = NodePrincipals.apiClientId(2, 5);
        Reply submitted = d.execute(apiSessionOfNode2, new SubmitJob(null, ClusterDriver.spec(1, 64, 1)));
        Reply cancel = d.execute(d.nodeClient(0), new CancelJob(submitted.jobId()));
        assertThat(cancel.code()).isEqualTo(ReplyCode.JOB_CANCELLED);
    }

    @Test
    void idsOutsideEveryNodesApiPoolAreOrdinaryUsers() {
        NodePrincipals principals = new NodePrincipals(SchedulerConfig.defaults(4));
        assertThat(principals.nodeOf(NodePrincipals.apiClientId(3, NodePrincipals.API_POOL_SIZE - 1)))
                .hasValue(3);
        assertThat(principals.nodeOf(NodePrincipals.apiClientId(3, NodePrincipals.API_POOL_SIZE)))
                .isEmpty();
        assertThat(principals.nodeOf(NodePrincipals.apiClientId(4, 0))).isEmpty();
        assertThat(principals.nodeOf(NodePrincipals.API_POOL_BASE - 1)).isEmpty();
    }

    @Test
    void namedSubmissionIsIdempotentAndAConflictingOneIsRefused() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        JobSpec spec = ClusterDriver.spec(1, 64, 2);
        Reply first = d.execute(ClusterDriver.USER, new SubmitJob("nightly-42", spec));
        Reply again = d.execute(ClusterDriver.USER, new SubmitJob("nightly-42", spec));
        assertThat(first.code()).isEqualTo(ReplyCode.JOB_ACCEPTED);
        assertThat(again.code()).isEqualTo(ReplyCode.JOB_EXISTS);
        assertThat(again.jobId()).isEqualTo("nightly-42");
        assertThat(d.scheduler.jobs()).hasSize(1);
        assertThat(d.execute(ClusterDriver.USER, new SubmitJob("nightly-42", ClusterDriver.spec(2, 64, 2)))
                        .code())
                .isEqualTo(ReplyCode.CONFLICT);
        assertThat(d.execute(ClusterDriver.USER, new SubmitJob("job-7", spec)).code())
                .isEqualTo(ReplyCode.INVALID);
        assertThat(d.execute(ClusterDriver.USER, new SubmitJob("../etc", spec)).code())
                .isEqualTo(ReplyCode.INVALID);
    }

    @Test
    void generatedIdsFollowTheReplicatedCounterAndTaskIdsTheIndex() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        assertThat(d.submit(ClusterDriver.spec(1, 64, 2))).isEqualTo("job-1");
        assertThat(d.submit(ClusterDriver.spec(1, 64, 1))).isEqualTo("job-2");
        assertThat(d.tasksOf("job-1")).extracting(t -> t.id()).containsExactly("job-1.0", "job-1.1");
    }

    @Test
    void listenersReceiveJobTaskAndStatusEventsInExecutionOrder() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        List<String> seen = new ArrayList<>();
        d.scheduler.addListener(events -> events.forEach(e -> seen.add(e.kind() + " " + e.id() + " " + e.state())));
        String job = d.submit(ClusterDriver.spec(1, 64, 1));
        d.start(job + ".0");
        d.finish(job + ".0", 0);
        assertThat(seen)
                .containsExactly(
                        "job job-1 SUBMITTED",
                        "task job-1.0 ASSIGNED",
                        "job job-1 RUNNING",
                        "task job-1.0 RUNNING",
                        "task job-1.0 SUCCEEDED",
                        "job job-1 COMPLETE");
    }

    @Test
    void onlyTheNewestFinishedJobsAreKeptAndUnfinishedOnesNeverExpire() {
        ClusterDriver d = new ClusterDriver(new Scheduler(new SchedulerConfig(4, 10_000, 5_000, 1000, 60_000, 2)));
        for (int i = 0; i < 4; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        String running = d.submit(ClusterDriver.spec(1, 64, 1));
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String job = d.submit(ClusterDriver.spec(1, 64, 1));
            d.finish(job + ".0", 0);
            done.add(job);
        }
        assertThat(d.scheduler.jobs()).extracting(JobView::id).containsExactly(running, done.get(2), done.get(3));
        assertThat(d.scheduler.task(done.get(0) + ".0")).isEmpty();
        Scheduler copy = new Scheduler(d.scheduler.config());
        copy.restore(d.scheduler.snapshot());
        assertThat(copy.snapshot()).isEqualTo(d.scheduler.snapshot());
        d.scheduler.checkInvariants();
    }

    @Test
    void viewsSerialiseWithAPlainObjectMapper() throws Exception {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 1));
        ObjectMapper plain = new ObjectMapper();
        String json = plain.writeValueAsString(d.scheduler.job(job).orElseThrow());
        assertThat(json).contains("\"status\":\"RUNNING\"").contains("\"state\":\"ASSIGNED\"");
        assertThat(plain.writeValueAsString(d.scheduler.nodes())).contains("\"activeTasks\":1");
        assertThat(plain.writeValueAsString(d.scheduler.assignmentsFor(0))).contains(job + ".0");
    }
}
