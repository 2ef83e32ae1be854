package org.bftswarm.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * The container runtime of one simulated node, behind the real worker loop's {@link TaskExecutor}
 * interface, in virtual time: a launched attempt starts 1..10 ms later and exits 20..620 ms after
 * that (drawn from the seeded random), with the result {@link FakeExecutor} defines for it (computed
 * from the launch, so a WebAssembly shard sums exactly the slice the worker's launch plan cut). A
 * kill ends the task's live attempts at once with {@link FailureReason#KILLED}, as Docker's does.
 * Attempts outlive a crash of their node's agent, like containers, and are adopted or killed when a
 * new loop reconciles; {@link #loseAll} is the machine going down with them. Events are delivered
 * only by {@link #advance}, in attempt order, so a run is a function of the seed.
 */
final class SimTaskExecutor implements TaskExecutor {

    /** One fake container. */
    private static final class Run {
        final TaskLaunch launch;
        TaskObserver observer;
        final long startAt;
        final long finishAt;
        boolean started;

        Run(TaskLaunch launch, TaskObserver observer, long startAt, long finishAt) {
            this.launch = launch;
            this.observer = observer;
            this.startAt = startAt;
            this.finishAt = finishAt;
        }
    }

    private final int node;
    private SplittableRandom random;
    private final Function<TaskLaunch, TaskFinished> results;
    private final Map<AttemptKey, Run> live = new TreeMap<>();
    private long now;
    /** Attempts launched here, and the most of one task ever live here at once (must stay 1). */
    long launched;

    long mostLiveOfOneTask;

    SimTaskExecutor(int node, Function<TaskLaunch, TaskFinished> results) {
        this.node = node;
        this.results = results;
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        Invariants.check(launch.nodeId() == node, "node %s asked to launch for node %s", node, launch.nodeId());
        if (live.containsKey(launch.key())) {
            return false;
        }
        long startAt = now + 1 + random.nextInt(10);
        live.put(launch.key(), new Run(launch, observer, startAt, startAt + 20 + random.nextInt(600)));
        launched++;
        mostLiveOfOneTask = Math.max(mostLiveOfOneTask, liveAttemptsOf(launch.taskId()));
        return true;
    }

    /** How many attempts of {@code taskId} run here now. */
    long liveAttemptsOf(String taskId) {
        return live.keySet().stream().filter(k -> k.taskId().equals(taskId)).count();
    }

    @Override
    public int kill(String taskId) {
        List<Map.Entry<AttemptKey, Run>> victims = new ArrayList<>();
        for (Map.Entry<AttemptKey, Run> e : snapshot()) {
            if (e.getKey().taskId().equals(taskId)) {
                victims.add(e);
            }
        }
        for (Map.Entry<AttemptKey, Run> e : victims) {
            live.remove(e.getKey());
            e.getValue().observer.onFinished(TaskOutcome.failedWithoutExit(e.getKey(), FailureReason.KILLED, "killed"));
        }
        return victims.size();
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        for (AttemptKey key : new ArrayList<>(live.keySet())) {
            if (stillAssigned.test(key)) {
                Run run = live.get(key);
                run.observer = observers.apply(key);
                if (run.started) {
                    run.observer.onStarted(containerId(key));
                }
            } else {
                live.remove(key);
            }
        }
    }

    /**
     * The live attempts as detached pairs: a TreeMap's own entries may change under a removal (it
     * moves a successor's key and value into the removed node), so loops that remove work on these.
     */
    private List<Map.Entry<AttemptKey, Run>> snapshot() {
        List<Map.Entry<AttemptKey, Run>> out = new ArrayList<>(live.size());
        live.forEach((k, v) -> out.add(Map.entry(k, v)));
        return out;
    }

    /** The node's machine went down: every attempt running here is gone, with no exit seen. */
    void loseAll() {
        live.clear();
    }

    /** Attempts running here (launched, not yet exited or killed). */
    int liveCount() {
        return live.size();
    }

    /** Moves the clock to {@code nowMillis} and delivers the starts and exits due by then. */
    void advance(long nowMillis, SplittableRandom seeded) {
        now = nowMillis;
        random = seeded;
        for (Map.Entry<AttemptKey, Run> e : snapshot()) {
            Run run = e.getValue();
            if (!run.started && now >= run.startAt && live.get(e.getKey()) == run) {
                run.started = true;
                run.observer.onStarted(containerId(e.getKey()));
            }
            if (now >= run.finishAt && live.get(e.getKey()) == run) {
                live.remove(e.getKey());
                run.observer.onFinished(outcome(e.getKey(), results.apply(run.launch)));
            }
        }
    }

    private String containerId(AttemptKey key) {
        return "fake-" + key.taskId() + "#" + key.attempt();
    }

    /** The outcome a container with this report's exit code and output would have. */
    static TaskOutcome outcome(AttemptKey key, TaskFinished report) {
        byte[] out = report.output().getBytes(StandardCharsets.UTF_8);
        return new TaskOutcome(
                key, report.exitCode(), out, Digest.sha256(out), out.length, false, FailureReason.NONE, "");
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return Optional.empty();
    }

    @Override
    public void close() {}
}
