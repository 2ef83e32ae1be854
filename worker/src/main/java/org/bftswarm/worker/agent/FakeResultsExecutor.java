package org.bftswarm.worker.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Byzantine worker for tests: it never runs an attempt assigned to it, yet reports it started and,
 * {@value #FAKE_RUN_MILLIS} ms later, exited 0 with {@link #inventedOutput invented output} (for a
 * WebAssembly shard {@link #inventedValue an invented number}) and a
 * digest that matches it. Under {@code verification: none} the scheduler trusts that one report;
 * under {@code quorum} the f+1 honest nodes outvote it. Leftover containers, kills of real
 * containers and logs of attempts it did not fake still go to the wrapped executor.
 */
public final class FakeResultsExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FakeResultsExecutor.class);
    static final long FAKE_RUN_MILLIS = 20;

    private final TaskExecutor inner;
    private final int nodeId;
    private final long fakeRunMillis;
    private final ScheduledExecutorService timer;
    private final Map<AttemptKey, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<AttemptKey, TaskObserver> observers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> fakedLogs = new ConcurrentHashMap<>();

    public FakeResultsExecutor(TaskExecutor inner, int nodeId) {
        this(inner, nodeId, FAKE_RUN_MILLIS);
    }

    FakeResultsExecutor(TaskExecutor inner, int nodeId, long fakeRunMillis) {
        this.inner = inner;
        this.nodeId = nodeId;
        this.fakeRunMillis = fakeRunMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-results-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        LOG.warn("BYZANTINE node {}: fake-results: reports exit 0 and invented output without running tasks", nodeId);
    }

    /** The output this node claims attempt {@code key} printed. */
    public static String inventedOutput(AttemptKey key, int nodeId) {
        return "fake result of " + key + " from node " + nodeId + "\n";
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        AttemptKey key = launch.key();
        if (observers.putIfAbsent(key, observer) != null) {
            return false;
        }
        boolean number = launch.wasm() != null;
        pending.put(key, timer.schedule(() -> fake(key, number), fakeRunMillis, TimeUnit.MILLISECONDS));
        return true;
    }

    /** The value this node claims a WebAssembly shard returned: a plausible number, never computed. */
    public static String inventedValue(int nodeId) {
        return String.valueOf(1_000_000 + nodeId);
    }

    private void fake(AttemptKey key, boolean number) {
        TaskObserver observer = observers.remove(key);
        pending.remove(key);
        if (observer == null) {
            return;
        }
        byte[] output = (number ? inventedValue(nodeId) : inventedOutput(key, nodeId)).getBytes(StandardCharsets.UTF_8);
        fakedLogs.put(key.taskId(), output);
        LOG.warn("BYZANTINE node {}: fake-results: reporting {} exited 0 without running it", nodeId, key);
        observer.onStarted("fake-" + key.taskId() + "-" + key.attempt());
        observer.onFinished(ForgedOutcome.exited(key, 0, output));
    }

    @Override
    public int kill(String taskId) {
        int killed = 0;
        for (AttemptKey key : List.copyOf(pending.keySet())) {
            ScheduledFuture<?> f = pending.get(key);
            if (key.taskId().equals(taskId) && f != null && f.cancel(false)) {
                pending.remove(key);
                TaskObserver observer = observers.remove(key);
                if (observer != null) {
                    observer.onFinished(TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed on request"));
                    killed++;
                }
            }
        }
        return killed + inner.kill(taskId);
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        inner.reconcile(stillAssigned, observers);
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        byte[] faked = fakedLogs.get(taskId);
        return faked != null ? Optional.of(faked.clone()) : inner.logs(taskId);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        inner.close();
    }
}
