package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.NodeAlive;
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
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Properties over random runs of a 4-node cluster: submissions, reports for current and stale
 * attempts and from wrong nodes, suspicions (including one replica suspecting at random), rejoins,
 * cancellations and the passage of batch time.
 */
class ClusterPropertiesTest {

    /** One random step; its meaning is resolved against the scheduler's current state. */
    record Step(int kind, int a, int b, int c) {}

    private static final int N = 4;
    /** Few finished jobs kept, so that random runs also exercise expiry. */
    private static final SchedulerConfig SMALL_RETENTION = new SchedulerConfig(N, 10_000, 5_000, 1000, 3_600_000, 5);

    @Property(tries = 60)
    void twoReplicasFedTheSameOperationsGiveEqualRepliesAndDigests(@ForAll("runs") List<Step> steps) {
        Scheduler a = new Scheduler(SMALL_RETENTION);
        Scheduler b = new Scheduler(SMALL_RETENTION);
        Scheduler late = null;
        long seq = 0;
        for (Step step : steps) {
            Operation op = resolve(step, a);
            int client = clientFor(step, op, a);
            long now = 1_000_000 + 700L * seq;
            seq++;
            ExecutionContext ctx = new ExecutionContext(seq, now, client, seq);
            byte[] bytes = OperationCodec.encode(op);
            byte[] replyA = a.execute(ctx, bytes);
            assertThat(b.execute(ctx, bytes)).isEqualTo(replyA);
            if (late != null) {
                assertThat(late.execute(ctx, bytes)).isEqualTo(replyA);
            }
            if (seq == steps.size() / 2) {
                late = new Scheduler(SMALL_RETENTION);
                late.restore(a.snapshot());
            }
            assertThat(b.digest()).isEqualTo(a.digest());
        }
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
        if (late != null) {
            assertThat(late.snapshot()).isEqualTo(a.snapshot());
        }
    }

    @Property(tries = 60)
    void snapshotRestoreSnapshotIsByteIdentical(@ForAll("runs") List<Step> steps) {
        Scheduler a = new Scheduler(SMALL_RETENTION);
        run(a, steps, new HashMap<>());
        byte[] snap = a.snapshot();
        Scheduler b = new Scheduler(SMALL_RETENTION);
        b.restore(snap);
        assertThat(b.snapshot()).isEqualTo(snap);
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(b.jobs()).isEqualTo(a.jobs());
        assertThat(b.nodes()).isEqualTo(a.nodes());
        b.checkInvariants();
    }

    @Property(tries = 60)
    void everyTaskEndsWithExactlyOneAcceptedResult(@ForAll("runs") List<Step> steps) {
        Scheduler s = Scheduler.forCluster(N);
        Map<String, Integer> terminalEvents = new HashMap<>();
        s.addListener(events -> {
            for (SchedulerEvent e : events) {
                if (e.kind().equals("task") && TaskState.valueOf(e.state()).isTerminal()) {
                    terminalEvents.merge(e.id(), 1, Integer::sum);
                }
            }
        });
        Map<String, Integer> acceptedPerAttempt = new HashMap<>();
        long[] clock = run(s, steps, acceptedPerAttempt);
        heal(s, clock, acceptedPerAttempt);

        for (var job : s.jobs()) {
            for (TaskView t : job.tasks()) {
                assertThat(t.state().isTerminal())
                        .as("task %s terminal", t.id())
                        .isTrue();
                assertThat(terminalEvents.get(t.id()))
                        .as("terminal results of %s", t.id())
                        .isEqualTo(1);
                if (t.state() == TaskState.SUCCEEDED) {
                    assertThat(acceptedPerAttempt.get(t.id() + "#" + t.attempt()))
                            .isEqualTo(1);
                    assertThat(t.exitCode()).isZero();
                }
            }
        }
        assertThat(acceptedPerAttempt.values()).allMatch(count -> count == 1);
        for (int node = 0; node < N; node++) {
            assertThat(s.assignmentsFor(node)).isEmpty();
        }
    }

    /** Executes the random steps; counts accepted TaskFinished per (task, attempt). */
    private static long[] run(Scheduler s, List<Step> steps, Map<String, Integer> accepted) {
        long[] clock = {1_000_000, 0};
        for (Step step : steps) {
            Operation op = resolve(step, s);
            if (step.kind() == 7) {
                clock[0] += step.a() * 150L;
            }
            execute(s, clock, clientFor(step, op, s), op, accepted);
            s.checkInvariants();
            for (NodeView n : s.nodes()) {
                assertThat(n.usedCpus()).isLessThanOrEqualTo(n.cpus());
                assertThat(n.usedMemoryMb()).isLessThanOrEqualTo(n.memoryMb());
            }
        }
        return clock;
    }

    /** All nodes rejoin, then every active attempt succeeds until nothing is left to run. */
    private static void heal(Scheduler s, long[] clock, Map<String, Integer> accepted) {
        for (NodeView n : s.nodes()) {
            if (n.state() == NodeState.DOWN) {
                execute(s, clock, 1000 + n.id(), new NodeAlive(n.id()), accepted);
            }
        }
        for (int round = 0; round < 100; round++) {
            boolean busy = false;
            for (int node = 0; node < N; node++) {
                for (var a : s.assignmentsFor(node)) {
                    busy = true;
                    execute(
                            s,
                            clock,
                            1000 + node,
                            new TaskFinished(a.taskId(), a.attempt(), node, 0, "d", "ok", "exited"),
                            accepted);
                }
            }
            if (!busy && s.jobs().stream().allMatch(j -> j.status().isTerminal())) {
                return;
            }
            clock[0] += 60_000;
            execute(s, clock, 1000, new Tick(), accepted);
        }
    }

    private static void execute(Scheduler s, long[] clock, int client, Operation op, Map<String, Integer> accepted) {
        clock[1]++;
        Reply reply = ReplyCodec.decode(s.execute(
                        new ExecutionContext(clock[1], clock[0], client, clock[1]), OperationCodec.encode(op)))
                .orElseThrow();
        if (op instanceof TaskFinished f && reply.isOk()) {
            accepted.merge(f.taskId() + "#" + f.attempt(), 1, Integer::sum);
        }
    }

    /** Turns a random step into an operation, picking tasks and nodes from the current state. */
    static Operation resolve(Step step, Scheduler s) {
        List<TaskView> tasks = new ArrayList<>();
        s.jobs().forEach(j -> tasks.addAll(j.tasks()));
        TaskView t = tasks.isEmpty() ? null : tasks.get(step.a() % tasks.size());
        switch (step.kind()) {
            case 0:
                return new SubmitJob(
                        null,
                        new JobSpec(
                                "p",
                                "img",
                                List.of("x"),
                                null,
                                0.5 + step.a() % 3,
                                64L,
                                5 + step.b() % 20,
                                step.c() % 3,
                                step.b() % 3,
                                1 + step.c() % 4,
                                null,
                                null));
            case 1:
            case 2: {
                if (t == null) {
                    return new Tick();
                }
                int node = t.node() == null ? step.b() % N : t.node();
                int attempt = step.c() % 4 == 0 ? Math.max(0, t.attempt() - 1) : t.attempt();
                if (step.c() % 7 == 0) {
                    node = (node + 1) % N; // a report from the wrong node
                }
                return step.kind() == 1
                        ? new TaskStarted(t.id(), attempt, node, "c" + attempt)
                        : new TaskFinished(t.id(), attempt, node, step.b() % 2, "d", "o", "exited");
            }
            case 3:
                return new SuspectNode(step.b() % N, step.c() % N);
            case 4:
                return new SuspectNode(0, step.c() % N); // a Byzantine replica suspecting at random
            case 5:
                return new NodeAlive(step.b() % N);
            case 6:
                return t == null ? new Tick() : new CancelJob(t.jobId());
            case 8:
                return new RegisterNode(step.a(), 2.0 + step.a(), 2048, Map.of("rack", String.valueOf(step.a() % 2)));
            default:
                return new Tick();
        }
    }

    /** Reports, votes and rejoins are sent as the node they name (or, for kind 2 with c%7==0, not). */
    static int clientFor(Step step, Operation op, Scheduler s) {
        if (op instanceof TaskStarted ts) {
            return 1000 + ts.node();
        } else if (op instanceof TaskFinished tf) {
            return 1000 + tf.node();
        } else if (op instanceof SuspectNode sn) {
            return 1000 + sn.suspector();
        } else if (op instanceof NodeAlive na) {
            return 1000 + na.nodeId();
        } else if (op instanceof RegisterNode rn) {
            return 1000 + rn.nodeId();
        } else if (op instanceof Tick) {
            return 1000;
        }
        return 5000;
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.frequency(
                                Tuple.of(3, 0), Tuple.of(4, 1),
                                Tuple.of(6, 2), Tuple.of(2, 3),
                                Tuple.of(2, 4), Tuple.of(1, 5),
                                Tuple.of(1, 6), Tuple.of(3, 7)),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(80).map(ClusterPropertiesTest::withRegistrations);
    }

    private static List<Step> withRegistrations(List<Step> steps) {
        List<Step> all = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            all.add(new Step(8, i, 0, 0));
        }
        all.addAll(steps);
        return all;
    }
}
