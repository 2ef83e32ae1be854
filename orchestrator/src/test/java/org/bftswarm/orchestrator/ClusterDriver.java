package org.bftswarm.orchestrator;

import java.util.List;
import java.util.Map;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Test helper: feeds encoded operations to a {@link Scheduler} the way consensus would (increasing
 * sequence numbers, a batch clock the test moves by hand) and decodes the replies.
 */
final class ClusterDriver {

    static final int USER = 5000;

    final Scheduler scheduler;
    long sequence;
    long now = 1_000_000;

    ClusterDriver(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static ClusterDriver of(int n) {
        return new ClusterDriver(Scheduler.forCluster(n));
    }

    /** n nodes, each with the given capacity and no labels, all registered. */
    static ClusterDriver withNodes(int n, double cpus, long memoryMb) {
        ClusterDriver d = of(n);
        for (int i = 0; i < n; i++) {
            d.register(i, cpus, memoryMb, Map.of());
        }
        return d;
    }

    int nodeClient(int node) {
        return scheduler.principals().clientIdOf(node);
    }

    Reply execute(int clientId, Operation op) {
        return executeBytes(clientId, OperationCodec.encode(op));
    }

    Reply executeBytes(int clientId, byte[] bytes) {
        sequence++;
        byte[] reply = scheduler.execute(new ExecutionContext(sequence, now, clientId, sequence), bytes);
        return ReplyCodec.decode(reply).orElseThrow();
    }

    void advance(long millis) {
        now += millis;
    }

    Reply register(int node, double cpus, long memoryMb, Map<String, String> labels) {
        return execute(nodeClient(node), new RegisterNode(node, cpus, memoryMb, labels));
    }

    String submit(JobSpec spec) {
        Reply reply = execute(USER, new SubmitJob(null, spec));
        if (!reply.isOk()) {
            throw new AssertionError("submit refused: " + reply);
        }
        return reply.jobId();
    }

    Reply start(String taskId) {
        TaskView t = task(taskId);
        return execute(nodeClient(t.node()), new TaskStarted(taskId, t.attempt(), t.node(), "c-" + taskId));
    }

    Reply finish(String taskId, int exitCode) {
        TaskView t = task(taskId);
        return finishAs(t.node(), taskId, t.attempt(), exitCode);
    }

    Reply finishAs(int node, String taskId, int attempt, int exitCode) {
        return execute(
                nodeClient(node),
                new TaskFinished(
                        taskId, attempt, node, exitCode, "d" + exitCode, "out " + taskId + " #" + attempt, "exited"));
    }

    Reply suspect(int suspector, int suspect) {
        return execute(nodeClient(suspector), new SuspectNode(suspector, suspect));
    }

    Reply tick() {
        return execute(nodeClient(0), new Tick());
    }

    TaskView task(String taskId) {
        return scheduler.task(taskId).orElseThrow();
    }

    List<TaskView> tasksOf(String jobId) {
        return scheduler.job(jobId).orElseThrow().tasks();
    }

    static JobSpec spec(double cpus, long memoryMb, int count) {
        return new JobSpec("t", "bftswarm/busybox", List.of("true"), null, cpus, memoryMb, 60, 0, 1, count, null, null);
    }
}
