package org.bftswarm.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.mine.NonceSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in mining executor: runs work units outside Docker, one unit at a time on {@code threads}
 * hashing threads (the node's configured CPUs), each thread searching a contiguous slice of the unit's
 * nonces ({@link ParallelSearch}), in a child JVM with the default JIT when this one runs C1 only
 * ({@link HashProcess}), else in this JVM. A unit is reported started (id {@code mine-<task>}) when its
 * hashing begins and exits 0 with output {@code found nonce=N} (the lowest nonce any slice found) or
 * {@code none}; the detail carries the hashes done and the time, which give the node's hash rate. A
 * kill stops the threads within one {@link NonceSearch#POLL_EVERY}-nonce poll (milliseconds; well
 * under 100 ms) and reports KILLED; the task's timeout reports TIMEOUT. The output is also the
 * attempt's log.
 */
public final class MiningTaskRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiningTaskRunner.class);

    /** Totals of this node's hashing since start, and the rate of the last unit. */
    public record Stats(long hashes, long busyNanos, long units, double lastHashesPerSecond, int threads) {}

    private final int threads;
    private final ExecutorService dispatcher;
    private final ExecutorService hashers;
    private final TaskLogStore logs;
    private final Map<AttemptKey, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong hashes = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private volatile double lastRate;
    private volatile ChildHasher child;

    private static final class Run {
        final AtomicBoolean began = new AtomicBoolean();
        final AtomicBoolean killed = new AtomicBoolean();
        final TaskObserver observer;

        Run(TaskObserver observer) {
            this.observer = observer;
        }
    }

    /** A runner that hashes in a child JVM exactly when this one runs C1 only ({@link #childJvmPays}). */
    public MiningTaskRunner(TaskLogStore logs, int threads) {
        this(logs, threads, childJvmPays());
    }

    /** A runner hashing in a child JVM with the default JIT ({@link HashProcess}) or in this one. */
    public MiningTaskRunner(TaskLogStore logs, int threads, boolean childJvm) {
        this.logs = logs;
        this.threads = Math.max(1, threads);
        this.dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "mine-units"));
        this.hashers = Executors.newFixedThreadPool(this.threads, r -> daemon(r, "mine-hash"));
        if (childJvm) {
            try {
                child = ChildHasher.start(this.threads);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot start the hashing child JVM ({}); hashing in the node's JVM", e.toString());
            }
        }
    }

    /**
     * Whether hashing pays for a child JVM: when this JVM compiles with C1 only (the nodes' flag), where
     * {@code bench mine} measured the default JIT several times faster on the same loop; never when the
     * system property {@code bftswarm.mining.childJvm} is {@code false}.
     */
    static boolean childJvmPays() {
        return !"false".equals(System.getProperty("bftswarm.mining.childJvm"))
                && NonceSearch.Hasher.forThisJvm() == NonceSearch.Hasher.BC;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues the unit of {@code launch} (which carries one); false when that attempt is already here. */
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        AttemptKey key = launch.key();
        Run r = new Run(observer);
        if (runs.putIfAbsent(key, r) != null) {
            return false;
        }
        dispatcher.submit(() -> run(launch, r));
        return true;
    }

    /** Stops every unit of {@code taskId}; they report KILLED. */
    public int kill(String taskId) {
        int n = 0;
        for (Map.Entry<AttemptKey, Run> e : runs.entrySet()) {
            if (!e.getKey().taskId().equals(taskId)) {
                continue;
            }
            Run r = e.getValue();
            r.killed.set(true);
            if (r.began.compareAndSet(false, true)) {
                runs.remove(e.getKey());
                finish(r, TaskOutcome.failedWithoutExit(e.getKey(), FailureReason.KILLED, "killed before it started"));
            }
            n++;
        }
        return n;
    }

    public Stats stats() {
        return new Stats(hashes.get(), busyNanos.get(), units.get(), lastRate, threads);
    }

    private void run(TaskLaunch launch, Run r) {
        AttemptKey key = launch.key();
        if (!r.began.compareAndSet(false, true)) {
            return;
        }
        try {
            safely(() -> r.observer.onStarted("mine-" + key.taskId()));
            finish(r, search(key, launch.mine(), launch.timeoutSeconds(), r));
        } catch (RuntimeException e) {
            LOG.warn("mining {} failed", key, e);
            finish(r, TaskOutcome.failedWithoutExit(key, FailureReason.START_FAILED, e.toString()));
        } finally {
            runs.remove(key);
        }
    }

    private TaskOutcome search(AttemptKey key, MineWork work, long timeoutSeconds, Run r) {
        long start = System.nanoTime();
        long deadline = timeoutSeconds > 0 ? start + timeoutSeconds * 1_000_000_000L : Long.MAX_VALUE;
        AtomicBoolean timedOut = new AtomicBoolean();
        BooleanSupplier stop = () -> {
            if (System.nanoTime() > deadline) {
                timedOut.set(true);
            }
            return r.killed.get() || timedOut.get();
        };
        NonceSearch.Outcome o = hash(work, stop);
        long best = o.nonce();
        long done = o.hashes();
        long nanos = System.nanoTime() - start;
        hashes.addAndGet(done);
        busyNanos.addAndGet(nanos);
        units.incrementAndGet();
        lastRate = done / Math.max(1e-9, nanos / 1e9);
        String detail = "hashes=" + done + " ms=" + nanos / 1_000_000 + " rate=" + Math.round(lastRate) + "/s threads="
                + Math.min(threads, work.size()) + (child != null ? " jvm=child" : " jvm=node");
        if (best < 0 && r.killed.get()) {
            return TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed on request; " + detail);
        }
        if (best < 0 && timedOut.get()) {
            return TaskOutcome.failedWithoutExit(key, FailureReason.TIMEOUT, detail);
        }
        return exited(key, best >= 0 ? "found nonce=" + best : "none", detail);
    }

    /** Hashes in the child JVM when there is one (falling back to this JVM for good if it fails). */
    private NonceSearch.Outcome hash(MineWork work, BooleanSupplier stop) {
        ChildHasher c = child;
        if (c != null) {
            try {
                return c.hash(work, stop);
            } catch (IOException | RuntimeException e) {
                LOG.warn("the hashing child failed ({}); hashing in the node's JVM from now on", e.toString());
                child = null;
                c.close();
            }
        }
        return ParallelSearch.run(hashers, threads, work, stop);
    }

    private TaskOutcome exited(AttemptKey key, String text, String detail) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        try (TaskLogWriter log = logs.open(key)) {
            log.write((text + "\n" + detail + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot write the log of {}: {}", key, e.getMessage());
        }
        return new TaskOutcome(key, 0, all, Digest.sha256(all), all.length, false, FailureReason.NONE, detail);
    }

    private static void finish(Run r, TaskOutcome outcome) {
        safely(() -> r.observer.onFinished(outcome));
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("observer failed", e);
        }
    }

    @Override
    public void close() {
        runs.values().forEach(r -> r.killed.set(true));
        dispatcher.shutdownNow();
        hashers.shutdownNow();
        ChildHasher c = child;
        if (c != null) {
            c.close();
        }
    }
}
