package org.bftswarm.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.mine.NonceSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in mining executor: runs work units in the node's JVM, outside Docker, one unit at a
 * time on {@code threads} hashing threads (the node's configured CPUs), each thread searching a
 * contiguous slice of the unit's nonces. A unit is reported started (id {@code mine-<task>}) when its
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

    private static final class Run {
        final AtomicBoolean began = new AtomicBoolean();
        final AtomicBoolean killed = new AtomicBoolean();
        final TaskObserver observer;

        Run(TaskObserver observer) {
            this.observer = observer;
        }
    }

    public MiningTaskRunner(TaskLogStore logs, int threads) {
        this.logs = logs;
        this.threads = Math.max(1, threads);
        this.dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "mine-units"));
        this.hashers = Executors.newFixedThreadPool(this.threads, r -> daemon(r, "mine-hash"));
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
        AtomicBoolean found = new AtomicBoolean();
        int parts = (int) Math.min(threads, work.size());
        long slice = work.size() / parts;
        List<Future<NonceSearch.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long from = work.from() + i * slice;
            long to = i == parts - 1 ? work.to() : from + slice - 1;
            futures.add(hashers.submit(() -> NonceSearch.search(work.header(), work.target(), from, to, () -> {
                if (System.nanoTime() > deadline) {
                    timedOut.set(true);
                }
                return r.killed.get() || found.get() || timedOut.get();
            })));
        }
        long best = -1;
        long done = 0;
        for (Future<NonceSearch.Outcome> f : futures) {
            NonceSearch.Outcome o = await(f);
            done += o.hashes();
            if (o.found()) {
                found.set(true);
                best = best < 0 ? o.nonce() : Math.min(best, o.nonce());
            }
        }
        long nanos = System.nanoTime() - start;
        hashes.addAndGet(done);
        busyNanos.addAndGet(nanos);
        units.incrementAndGet();
        lastRate = done / Math.max(1e-9, nanos / 1e9);
        String detail =
                "hashes=" + done + " ms=" + nanos / 1_000_000 + " rate=" + Math.round(lastRate) + "/s threads=" + parts;
        if (best < 0 && r.killed.get()) {
            return TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed on request; " + detail);
        }
        if (best < 0 && timedOut.get()) {
            return TaskOutcome.failedWithoutExit(key, FailureReason.TIMEOUT, detail);
        }
        return exited(key, best >= 0 ? "found nonce=" + best : "none", detail);
    }

    private static NonceSearch.Outcome await(Future<NonceSearch.Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
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
    }
}
