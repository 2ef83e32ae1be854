package org.bftswarm.worker;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent's Docker side: runs each assigned task
 * attempt as an auto-removing container, reports start and outcome to a {@link TaskObserver},
 * kills on request or timeout, and keeps each attempt's full log in a {@link TaskLogStore}.
 * Container set-up (create, attach, wait, start) runs on a bounded pool of {@code maxParallel}
 * threads; a started container is then followed by events, holding no pool thread (a task with
 * stdin holds one thread of its own while its stdin is being delivered), so long tasks never
 * starve short ones (how many run at once is the scheduler's placement decision).
 * At most one container per (task, attempt) is active. Closing the runner stops following but
 * leaves containers running, so a restarted worker can adopt them through the {@link Reconciler}.
 * An attempt the kernel's out-of-memory killer ended reports {@link FailureReason#OOM} (learnt from the
 * engine's events, {@link OomWatch}).
 */
public final class ContainerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerRunner.class);
    /** Launches waiting for a free set-up slot beyond this are failed at once. */
    public static final int MAX_QUEUED = 10_000;

    private final AttemptExecution execution;
    private final OomWatch oom;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final Map<AttemptKey, RunningAttempt> active = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * A runner setting up at most {@code maxParallel} containers at once, for a client made by
     * {@link DockerClients#create()} (the default engine host).
     */
    public ContainerRunner(DockerClient docker, TaskLogStore logs, int maxParallel) {
        this(docker, DockerClients.defaultHost(), logs, maxParallel);
    }

    /**
     * A runner for a client of the engine at {@code dockerHost}; task stdin is delivered over that
     * host's socket directly (see {@link StdinFeed}).
     */
    public ContainerRunner(DockerClient docker, URI dockerHost, TaskLogStore logs, int maxParallel) {
        if (maxParallel <= 0) {
            throw new IllegalArgumentException("maxParallel must be positive, got " + maxParallel);
        }
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                maxParallel,
                maxParallel,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED),
                r -> daemon(r, "bftswarm-task-" + threads.incrementAndGet()));
        this.pool.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bftswarm-task-timer"));
        this.oom = new OomWatch(docker, timer);
        this.execution = new AttemptExecution(docker, dockerHost, logs, oom);
        try {
            oom.open();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Runs {@code launch} in the background. Returns false (and calls nothing) when the same
     * attempt is already active here; otherwise the observer will get exactly one
     * {@link TaskObserver#onFinished} (unless the runner is closed first).
     */
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        return submit(launch.key(), observer, handle -> execution.launch(launch, handle, observer));
    }

    /** Follows a container found running for {@code key}; used by the {@link Reconciler}. */
    boolean adopt(String containerId, AttemptKey key, long timeoutSeconds, TaskObserver observer) {
        return submit(key, observer, handle -> execution.adopt(containerId, key, timeoutSeconds, handle, observer));
    }

    /**
     * Kills every active attempt of {@code taskId}; their outcomes report {@link FailureReason#KILLED}.
     * Returns how many attempts were signalled (0 when none is active here).
     */
    public int kill(String taskId) {
        int signalled = 0;
        for (RunningAttempt handle : active.values()) {
            if (handle.key().taskId().equals(taskId)) {
                String id = handle.requestKill(FailureReason.KILLED);
                if (id != null) {
                    execution.killQuietly(id);
                    Supervision s = handle.supervision();
                    if (s != null) {
                        s.killed();
                    }
                }
                signalled++;
            }
        }
        return signalled;
    }

    /** The attempts active now (queued, starting or running), sorted. */
    public SortedSet<AttemptKey> active() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(active.keySet()));
    }

    /** The container of an active attempt, if it has one yet. */
    public String containerOf(AttemptKey key) {
        RunningAttempt handle = active.get(key);
        return handle == null ? null : handle.containerId();
    }

    /** Stops following (containers keep running, to be adopted after a restart); reports nothing more. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        for (RunningAttempt handle : active.values()) {
            Supervision s = handle.supervision();
            if (s != null) {
                s.abandon();
            }
        }
        oom.close();
        timer.shutdownNow();
        active.clear();
    }

    private interface Setup {
        AttemptExecution.Launched run(RunningAttempt handle) throws InterruptedException;
    }

    private boolean submit(AttemptKey key, TaskObserver observer, Setup setup) {
        RunningAttempt handle = new RunningAttempt(key);
        if (active.putIfAbsent(key, handle) != null) {
            return false;
        }
        try {
            pool.execute(() -> setUp(handle, observer, setup));
        } catch (RejectedExecutionException e) {
            active.remove(key, handle);
            if (!closed) {
                finish(
                        observer,
                        TaskOutcome.failedWithoutExit(
                                key, FailureReason.START_FAILED, "worker queue full (" + MAX_QUEUED + " waiting)"));
            }
        }
        return true;
    }

    private void setUp(RunningAttempt handle, TaskObserver observer, Setup setup) {
        AttemptExecution.Launched launched;
        try {
            launched = setup.run(handle);
        } catch (InterruptedException e) {
            abandoned(handle, e);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            if (closed) {
                abandoned(handle, e);
                return;
            }
            LOG.warn("attempt {} failed unexpectedly", handle.key(), e);
            String id = handle.containerId();
            if (id != null) {
                execution.killQuietly(id);
            }
            launched = AttemptExecution.Launched.failed(TaskOutcome.failedWithoutExit(
                    handle.key(), FailureReason.LOST, "worker error: " + AttemptExecution.describe(e)));
        }
        if (launched.failed() != null) {
            complete(handle, observer, launched.failed());
            return;
        }
        Supervision supervision = launched.supervision();
        handle.supervisedBy(supervision);
        if (closed) {
            supervision.abandon();
            abandoned(handle, null);
            return;
        }
        supervision.begin(timer, outcome -> complete(handle, observer, outcome));
    }

    private void abandoned(RunningAttempt handle, Exception cause) {
        active.remove(handle.key(), handle);
        LOG.info(
                "stopped following {} (worker closing{}); its container is left for reconciliation",
                handle.key(),
                cause == null ? "" : ": " + cause);
    }

    private void complete(RunningAttempt handle, TaskObserver observer, TaskOutcome outcome) {
        active.remove(handle.key(), handle);
        finish(observer, outcome);
    }

    private static void finish(TaskObserver observer, TaskOutcome outcome) {
        try {
            observer.onFinished(outcome);
        } catch (RuntimeException e) {
            LOG.warn("task observer onFinished threw for {}: {}", outcome.attempt(), e.toString());
        }
    }
}
