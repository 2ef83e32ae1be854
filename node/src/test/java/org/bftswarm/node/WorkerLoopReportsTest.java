package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.TaskExecutor;
import org.bftswarm.worker.agent.WorkerLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker loop against a one-node scheduler executed in process: the test holds each ordered
 * operation until it lets it through, and starts and ends attempts by hand, to prove how reports are
 * batched.
 */
class WorkerLoopReportsTest {
    private static final long DEADLINE_MILLIS = 10_000;
    private static final int USER = 5000;

    /** An executor whose attempts start and end when the test says so. */
    private static final class ManualExecutor implements TaskExecutor {
        final Map<AttemptKey, TaskObserver> observers = new ConcurrentHashMap<>();

        @Override
        public boolean launch(TaskLaunch launch, TaskObserver observer) {
            return observers.putIfAbsent(launch.key(), observer) == null;
        }

        void start(AttemptKey key) {
            observers.get(key).onStarted("c-" + key.taskId());
        }

        void exit(AttemptKey key, int code) {
            byte[] out = ("out " + key.taskId()).getBytes(StandardCharsets.UTF_8);
            observers
                    .get(key)
                    .onFinished(new TaskOutcome(
                            key, code, out, Digest.sha256(out), out.length, false, FailureReason.NONE, ""));
        }

        @Override
        public int kill(String taskId) {
            return 0;
        }

        @Override
        public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {}

        @Override
        public Optional<byte[]> logs(String taskId) {
            return Optional.empty();
        }

        @Override
        public void close() {}
    }

    private final Scheduler scheduler = Scheduler.forCluster(1);
    private final ManualExecutor executor = new ManualExecutor();
    private final List<Operation> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Reply>> held = new CopyOnWriteArrayList<>();
    private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
    private long sequence;
    private WorkerLoop loop;

    private synchronized Reply execute(int clientId, Operation op) {
        sequence++;
        byte[] reply = scheduler.execute(
                new ExecutionContext(sequence, 1_000_000 + sequence, clientId, sequence), OperationCodec.encode(op));
        return ReplyCodec.decode(reply).orElseThrow();
    }

    /** Orders the oldest held report operation now. */
    private void releaseOne() {
        await(() -> !held.isEmpty(), "a report operation in flight");
        Operation op = sent.get(sent.size() - held.size());
        CompletableFuture<Reply> f = held.remove(0);
        f.complete(execute(scheduler.principals().clientIdOf(0), op));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + DEADLINE_MILLIS + " ms: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<AttemptKey> startLoopWithJob(int tasks) {
        execute(scheduler.principals().clientIdOf(0), new RegisterNode(0, 8, 4096, Map.of()));
        loop = new WorkerLoop(
                "t",
                0,
                scheduler,
                executor,
                op -> {
                    CompletableFuture<Reply> f = new CompletableFuture<>();
                    sent.add(op);
                    held.add(f);
                    return f;
                },
                o -> {});
        scheduler.addListener(e -> {
            events.addAll(e);
            loop.wake();
        });
        loop.start();
        Reply r = execute(
                USER,
                new SubmitJob(
                        null, new JobSpec("b", "img", List.of("true"), null, 0.5, 16L, 60, 0, 1, tasks, null, null)));
        List<AttemptKey> keys = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            keys.add(new AttemptKey(r.jobId() + "." + i, 1));
        }
        await(() -> executor.observers.size() == tasks, "every task launched");
        return keys;
    }

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void reportsArisingWhileABatchIsInFlightAreOrderedTogetherInTheNextBatch() {
        List<AttemptKey> keys = startLoopWithJob(3);
        executor.start(keys.get(0));
        await(() -> held.size() == 1, "the first start report sent");
        executor.start(keys.get(1));
        executor.start(keys.get(2));
        executor.exit(keys.get(0), 0);
        executor.exit(keys.get(1), 0);
        executor.exit(keys.get(2), 4);
        releaseOne();
        releaseOne();

        await(
                () -> keys.stream()
                        .allMatch(k ->
                                scheduler.task(k.taskId()).orElseThrow().state().isTerminal()),
                "every task ended");
        assertThat(sent).hasSize(2).allSatisfy(op -> assertThat(op).isInstanceOf(ReportBatch.class));
        ReportBatch second = (ReportBatch) sent.get(1);
        assertThat(second.started())
                .extracting(s -> s.taskId())
                .containsExactly(keys.get(1).taskId(), keys.get(2).taskId());
        assertThat(second.finished())
                .extracting(f -> f.taskId())
                .containsExactly(
                        keys.get(0).taskId(), keys.get(1).taskId(), keys.get(2).taskId());
        assertThat(keys)
                .extracting(k -> scheduler.task(k.taskId()).orElseThrow().state())
                .containsExactly(TaskState.SUCCEEDED, TaskState.SUCCEEDED, TaskState.FAILED);
        assertThat(held).isEmpty();
    }

    @Test
    void anAttemptThatEndsBeforeItsStartIsOrderedShowsRunningThenItsResultExactlyOnce() {
        List<AttemptKey> keys = startLoopWithJob(2);
        AttemptKey other = keys.get(0);
        AttemptKey key = keys.get(1);
        executor.start(other);
        await(() -> held.size() == 1, "the other task's start report in flight");
        executor.start(key);
        executor.exit(key, 0);
        releaseOne();
        releaseOne();
        await(() -> scheduler.task(key.taskId()).orElseThrow().state().isTerminal(), "the task ended");

        ReportBatch second = (ReportBatch) sent.get(1);
        assertThat(second.started()).extracting(s -> s.taskId()).containsExactly(key.taskId());
        assertThat(second.finished()).extracting(f -> f.taskId()).containsExactly(key.taskId());
        List<String> states = events.stream()
                .filter(e -> e.kind().equals("task") && e.id().equals(key.taskId()))
                .map(SchedulerEvent::state)
                .toList();
        assertThat(states).containsExactly("ASSIGNED", "RUNNING", "SUCCEEDED");
        assertThat(scheduler.task(key.taskId()).orElseThrow().output()).isEqualTo("out " + key.taskId());
    }
}
