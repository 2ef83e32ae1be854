package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.api.ClusterEvent;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.PortException;
import org.bftswarm.api.TaskJson;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeCounter;
import org.bftswarm.state.view.NodeSoftState;
import org.junit.jupiter.api.Test;

class ApiMappingTest {
    private static TaskView task(String id, TaskState state, Integer exit, String output, Long finished) {
        return new TaskView(
                id,
                "job-1",
                0,
                state,
                1,
                2,
                "c",
                exit,
                "d",
                output,
                false,
                "exited",
                0,
                1L,
                2L,
                null,
                finished,
                List.of(),
                List.of(2),
                List.of(),
                List.of());
    }

    @Test
    void aSubmissionBecomesTheSameValidSchedulerSpecFieldForField() {
        JobSubmission s = new JobSubmission(
                "n",
                "bftswarm/busybox",
                List.of("echo", "hi"),
                Map.of("A", "1"),
                0.5,
                128L,
                60,
                2,
                7,
                3,
                Map.of("zone", "a"),
                "bridge",
                null);
        JobSpec spec = ApiMapping.toJobSpec(s);
        assertThat(spec.name()).isEqualTo("n");
        assertThat(spec.image()).isEqualTo("bftswarm/busybox");
        assertThat(spec.command()).containsExactly("echo", "hi");
        assertThat(spec.env()).containsEntry("A", "1");
        assertThat(spec.cpus()).isEqualTo(0.5);
        assertThat(spec.memoryMb()).isEqualTo(128L);
        assertThat(spec.timeoutSeconds()).isEqualTo(60);
        assertThat(spec.retries()).isEqualTo(2);
        assertThat(spec.backoffSeconds()).isEqualTo(7);
        assertThat(spec.count()).isEqualTo(3);
        assertThat(spec.constraints()).containsEntry("zone", "a");
        assertThat(spec.network()).isEqualTo("bridge");
        assertThat(JobSpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void jobViewsKeepStatusTasksOutputsAndTheLatestFinishTime() {
        JobView job = new JobView(
                "job-1",
                1,
                "n",
                JobStatus.COMPLETE,
                10_000,
                "token@0",
                5L,
                99L,
                JobSpec.of("i", List.of()),
                List.of(
                        task("job-1.0", TaskState.SUCCEEDED, 0, "a\n", 7L),
                        task("job-1.1", TaskState.SUCCEEDED, 0, "b\n", 9L)));
        JobJson api = ApiMapping.toApi(job);
        assertThat(api.status()).isEqualTo(JobStatusJson.COMPLETE);
        assertThat(api.status().httpStatus()).isEqualTo(200);
        assertThat(api.submittedAt()).isEqualTo(5L);
        assertThat(api.finishedAt()).isEqualTo(9L);
        assertThat(api.tasks()).extracting(TaskJson::output).containsExactly("a\n", "b\n");
        assertThat(api.tasks().get(0).node()).isEqualTo(2);
        assertThat(api.tasks().get(0).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void everySchedulerJobStatusMapsToTheApiStatusOfTheSameNameAndItsHttpCode() {
        Map<JobStatus, Integer> http = Map.of(
                JobStatus.PENDING, 202,
                JobStatus.RUNNING, 202,
                JobStatus.PARTIAL, 206,
                JobStatus.COMPLETE, 200,
                JobStatus.FAILED, 200,
                JobStatus.CANCELLED, 200,
                JobStatus.NOT_FOUND, 200);
        for (JobStatus s : JobStatus.values()) {
            JobView job = new JobView("j", 1, "n", s, 1, "client:alice", 1L, 2L, JobSpec.of("i", List.of()), List.of());
            assertThat(ApiMapping.toApi(job).status().name()).isEqualTo(s.name());
            assertThat(ApiMapping.toApi(job).status().httpStatus()).isEqualTo(http.get(s));
            assertThat(ApiMapping.toApi(job).finishedAt()).isNull();
        }
    }

    @Test
    void rejectedRepliesBecomeTypedPortFailures() {
        assertThat(ApiMapping.failure(Reply.invalid(List.of("cpus: too many"))).reason())
                .isEqualTo(PortException.Reason.INVALID_SPEC);
        assertThat(ApiMapping.failure(Reply.invalid(List.of("cpus: too many"))).getMessage())
                .contains("cpus: too many");
        assertThat(ApiMapping.failure(Reply.rejected(ReplyCode.NOT_FOUND, "no job"))
                        .reason())
                .isEqualTo(PortException.Reason.NOT_FOUND);
        assertThat(ApiMapping.failure(Reply.rejected(ReplyCode.INTERNAL_ERROR, "x"))
                        .reason())
                .isEqualTo(PortException.Reason.UNAVAILABLE);
        assertThat(ApiMapping.jobIdOrThrow(Reply.okJob(ReplyCode.JOB_ACCEPTED, "job-7")))
                .isEqualTo("job-7");
    }

    @Test
    void nodesMergeSchedulerStateWithCrdtCountersAndEvidence() {
        var scheduled =
                new NodeView(1, NodeState.DOWN, 2.0, 1024, 0.5, 128, 1, Map.of(), 3L, 1, List.of(0, 2), 0, false);
        TreeMap<NodeCounter, Long> counters = new TreeMap<>();
        counters.put(NodeCounter.TASKS_RUN, 5L);
        var soft = new NodeSoftState(
                1, Optional.of(new Heartbeat(1, 42, 0)), Optional.empty(), Optional.empty(), counters);
        NodeJson v = ApiMapping.toApi(1, "http://127.0.0.1:8081", Optional.of(scheduled), Optional.of(soft), 7);
        assertThat(v.state()).isEqualTo("DOWN");
        assertThat(v.capacity().cpus()).isEqualTo(2.0);
        assertThat(v.usage().memoryMb()).isEqualTo(128);
        assertThat(v.counters())
                .containsEntry("tasks_run", 5L)
                .containsEntry("heartbeat_seq", 42L)
                .containsEntry("suspected_by", 2L)
                .containsEntry("tasks_failed", 0L);
        assertThat(v.invalidEntries()).isEqualTo(7);
        assertThat(ApiMapping.toApi(2, "u", Optional.empty(), Optional.empty(), 0)
                        .state())
                .isEqualTo("UNREGISTERED");
    }

    @Test
    void schedulerEventsKeepKindIdStateAndOrder() {
        ClusterEvent e = ApiMapping.toEvent(new SchedulerEvent(12, 99, "task", "job-1.0", "RUNNING", 1, 2, null), 5);
        assertThat(e.kind()).isEqualTo(ClusterEvent.Kind.TASK);
        assertThat(e.id()).isEqualTo("job-1.0");
        assertThat(e.sequence()).isEqualTo(5);
        assertThat(e.payload())
                .containsEntry("state", "RUNNING")
                .containsEntry("node", 2)
                .containsEntry("consensusSequence", 12L);
        assertThat(ApiMapping.viewEvent(3, 3, 6).kind()).isEqualTo(ClusterEvent.Kind.VIEW);
    }
}
