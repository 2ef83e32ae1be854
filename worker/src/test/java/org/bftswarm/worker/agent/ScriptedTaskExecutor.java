package org.bftswarm.worker.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.crypto.Digest;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;

/**
 * An honest in-memory executor the test drives by hand: it records every launch, kill and
 * reconciliation, and {@link #run} plays one attempt's start and exit to the observer it was given,
 * the way a real container run would (digest = SHA-256 of the whole output).
 */
final class ScriptedTaskExecutor implements TaskExecutor {
    final List<TaskLaunch> launches = new ArrayList<>();
    final List<String> kills = new ArrayList<>();
    final Map<AttemptKey, TaskObserver> observers = new ConcurrentHashMap<>();
    final Map<String, byte[]> logs = new ConcurrentHashMap<>();
    final List<AttemptKey> leftovers = new ArrayList<>();
    boolean closed;

    @Override
    public synchronized boolean launch(TaskLaunch launch, TaskObserver observer) {
        launches.add(launch);
        return observers.putIfAbsent(launch.key(), observer) == null;
    }

    /** Plays the start and the exit of {@code key}; returns the honest outcome it reported. */
    TaskOutcome run(AttemptKey key, int exit, String output) {
        TaskObserver observer = observers.remove(key);
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        TaskOutcome outcome =
                new TaskOutcome(key, exit, bytes, Digest.sha256(bytes), bytes.length, false, FailureReason.NONE, "");
        logs.put(key.taskId(), bytes);
        observer.onStarted("container-" + key);
        observer.onFinished(outcome);
        return outcome;
    }

    /** Reports {@code key} as failed without an exit (e.g. the image is missing). */
    TaskOutcome failWithoutExit(AttemptKey key) {
        TaskOutcome outcome = TaskOutcome.failedWithoutExit(key, FailureReason.IMAGE_MISSING, "no image");
        observers.remove(key).onFinished(outcome);
        return outcome;
    }

    @Override
    public synchronized int kill(String taskId) {
        kills.add(taskId);
        return 0;
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        for (AttemptKey key : leftovers) {
            if (stillAssigned.test(key)) {
                this.observers.put(key, observers.apply(key));
            }
        }
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return Optional.ofNullable(logs.get(taskId));
    }

    @Override
    public void close() {
        closed = true;
    }

    static TaskLaunch launchOf(String taskId, int attempt) {
        return new TaskLaunch(
                "unit", 2, taskId, attempt, "bftswarm/busybox", List.of("echo", "hi"), Map.of(), 0, 0, 0, "none");
    }
}
