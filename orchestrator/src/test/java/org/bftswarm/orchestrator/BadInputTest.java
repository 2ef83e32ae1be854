package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static ClusterDriver busyCluster() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 5));
        d.start(d.tasksOf(job).get(0).id());
        return d;
    }

    @Property(tries = 200)
    void hostileOperationBytesGetAMalformedReplyAndLeaveStateUnchanged(@ForAll byte[] bytes) {
        ClusterDriver d = busyCluster();
        Digest before = d.scheduler.digest();
        d.advance(60_000);
        Reply reply = d.executeBytes(ClusterDriver.USER, bytes);
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REJECTED);
        assertThat(d.scheduler.digest()).isEqualTo(before);
    }

    @Test
    void truncatedAndMistypedOperationsAreMalformedAndChangeNothing() {
        ClusterDriver d = busyCluster();
        Digest before = d.scheduler.digest();
        byte[] good = OperationCodec.encode(new SubmitJob(null, JobSpec.of("img", List.of("true"))));
        for (int cut = 0; cut < good.length; cut += 3) {
            byte[] prefix = Arrays.copyOf(good, cut);
            assertThat(d.executeBytes(ClusterDriver.USER, prefix).code()).isEqualTo(ReplyCode.MALFORMED);
        }
        String wrongType = "{\"op\":\"TaskStarted\",\"taskId\":[1],\"attempt\":1,\"node\":0}";
        assertThat(d.executeBytes(d.nodeClient(0), wrongType.getBytes(StandardCharsets.UTF_8))
                        .code())
                .isEqualTo(ReplyCode.MALFORMED);
        assertThat(d.scheduler.digest()).isEqualTo(before);
        assertThat(d.scheduler.counters()).containsEntry("operations.malformed", (long) (good.length + 2) / 3 + 1);
    }

    @Test
    void reportFromAnotherNodesPrincipalIsRejectedAndChangesNothing() {
        ClusterDriver d = busyCluster();
        TaskView t = d.tasksOf("job-1").get(1);
        int other = (t.node() + 1) % 4;
        Digest before = d.scheduler.digest();
        Reply forgedFinish = d.execute(
                d.nodeClient(other), new TaskFinished(t.id(), t.attempt(), t.node(), 0, "d", "fake", "exited"));
        Reply forgedStart = d.execute(d.nodeClient(other), new TaskStarted(t.id(), t.attempt(), t.node(), "c"));
        Reply claimsOwnNode =
                d.execute(d.nodeClient(other), new TaskFinished(t.id(), t.attempt(), other, 0, "d", "fake", "exited"));
        Reply userClient = d.execute(
                ClusterDriver.USER, new TaskFinished(t.id(), t.attempt(), t.node(), 0, "d", "fake", "exited"));
        assertThat(List.of(forgedFinish, forgedStart, claimsOwnNode, userClient))
                .extracting(Reply::code)
                .containsOnly(ReplyCode.UNAUTHORIZED);
        assertThat(d.scheduler.digest()).isEqualTo(before);
        assertThat(d.task(t.id()).state()).isEqualTo(TaskState.ASSIGNED);
    }

    @Test
    void nodeCannotRegisterOrTickForOthersAndUsersCannotCancelOthersJobs() {
        ClusterDriver d = busyCluster();
        Digest before = d.scheduler.digest();
        assertThat(d.execute(d.nodeClient(1), new RegisterNode(2, 64, 1 << 20, null))
                        .code())
                .isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.execute(ClusterDriver.USER + 1, new CancelJob("job-1")).code())
                .isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.execute(ClusterDriver.USER, new Tick()).code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.scheduler.digest()).isEqualTo(before);
    }

    @Test
    void invalidJobSpecIsRejectedWithEveryProblemListed() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        JobSpec bad = new JobSpec(null, " ", List.of("ok"), null, -1.0, 0L, 0, -1, 99999, 0, null, "host");
        Reply reply = d.execute(ClusterDriver.USER, new SubmitJob(null, bad));
        assertThat(reply.code()).isEqualTo(ReplyCode.INVALID);
        assertThat(reply.errors())
                .hasSize(8)
                .anySatisfy(e -> assertThat(e).startsWith("image:"))
                .anySatisfy(e -> assertThat(e).startsWith("cpus:"))
                .anySatisfy(e -> assertThat(e).startsWith("network:"));
        assertThat(d.scheduler.jobs()).isEmpty();
    }

    @Test
    void outputLongerThan64KiBIsTruncatedOnAWholeCharacter() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        TaskView t = d.tasksOf(d.submit(ClusterDriver.spec(1, 64, 1))).get(0);
        String output = "é".repeat(40_000); // 80,000 bytes of UTF-8
        Reply reply = d.execute(
                d.nodeClient(t.node()), new TaskFinished(t.id(), t.attempt(), t.node(), 0, "d", output, "exited"));
        assertThat(reply.code()).isEqualTo(ReplyCode.TASK_FINISHED);
        TaskView done = d.task(t.id());
        assertThat(done.outputTruncated()).isTrue();
        assertThat(done.output()).isEqualTo("é".repeat(32_768));
    }
}
