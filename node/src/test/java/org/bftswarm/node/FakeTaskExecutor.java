package org.bftswarm.node;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.crypto.Digest;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * A task executor without Docker for the in-JVM cluster test. It understands three commands:
 * {@code echo ARGS…} (prints them, exit 0), {@code fail N} (exit N) and {@code sleep S} (runs S
 * seconds unless killed; a kill ends it with 137). Counts launches per attempt so the test can
 * check that no attempt ever runs twice.
 */
final class FakeTaskExecutor implements TaskExecutor {
    static final Map<AttemptKey, AtomicInteger> LAUNCHES = new ConcurrentHashMap<>();
    static final AtomicInteger KILLS = new AtomicInteger();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-executor");
        t.setDaemon(true);
        return t;
    });
    private final Map<AttemptKey, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private final Map<AttemptKey, TaskObserver> observers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> logs = new ConcurrentHashMap<>();

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        AttemptKey key = launch.key();
        if (observers.putIfAbsent(key, observer) != null) {
            return false;
        }
        LAUNCHES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        List<String> cmd = launch.command();
        timer.schedule(
                () -> observer.onStarted("fake-" + key.taskId() + "-" + key.attempt()), 10, TimeUnit.MILLISECONDS);
        String verb = cmd.isEmpty() ? "" : cmd.get(0);
        long delay = verb.equals("sleep") ? Long.parseLong(cmd.get(1)) * 1000 : 40;
        int exit = verb.equals("fail") ? Integer.parseInt(cmd.get(1)) : 0;
        String output = verb.equals("echo") ? String.join(" ", cmd.subList(1, cmd.size())) + "\n" : "";
        running.put(
                key, timer.schedule(() -> finish(key, exit, output, FailureReason.NONE), delay, TimeUnit.MILLISECONDS));
        return true;
    }

    private void finish(AttemptKey key, int exit, String output, FailureReason reason) {
        running.remove(key);
        TaskObserver observer = observers.remove(key);
        if (observer == null) {
            return;
        }
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        logs.put(key.taskId(), bytes);
        observer.onFinished(new TaskOutcome(
                key,
                exit,
                bytes,
                Digest.sha256(bytes),
                bytes.length,
                false,
                reason,
                reason == FailureReason.NONE ? "" : "killed by the worker"));
    }

    @Override
    public int kill(String taskId) {
        int killed = 0;
        for (AttemptKey key : List.copyOf(running.keySet())) {
            if (key.taskId().equals(taskId)) {
                ScheduledFuture<?> f = running.get(key);
                if (f != null && f.cancel(false)) {
                    KILLS.incrementAndGet();
                    finish(key, 137, "", FailureReason.KILLED);
                    killed++;
                }
            }
        }
        return killed;
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        // nothing survives a fake executor
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return Optional.ofNullable(logs.get(taskId));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
