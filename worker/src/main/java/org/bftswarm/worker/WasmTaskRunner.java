package org.bftswarm.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bftswarm.crypto.Digest;
import org.bftswarm.wasm.FailureKind;
import org.bftswarm.wasm.InspectedModule;
import org.bftswarm.wasm.ModuleInspection;
import org.bftswarm.wasm.ShardLimits;
import org.bftswarm.wasm.ShardOutcome;
import org.bftswarm.wasm.WasmModuleCheck;
import org.bftswarm.wasm.WasmShardRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs WebAssembly shards in the node's JVM, at most {@code threads} at once, and reports them like
 * containers: started with a {@code wasm-} id, then exited. A returned value is exit 0 with the value
 * as output; a module's own failure is a nonzero exit whose output names it, the same on every node so
 * quorum verification agrees ({@value #EXIT_TRAP} trap, {@value #EXIT_FUEL} fuel exhausted,
 * {@value #EXIT_MEMORY} memory limit, {@value #EXIT_INVALID} invalid module, {@value #EXIT_RANGE}
 * value out of range); the task's timeout is TIMEOUT and a kill KILLED, as for a container. The output
 * is also the attempt's log, so {@code logs} and the log digest check work unchanged.
 */
public final class WasmTaskRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WasmTaskRunner.class);
    static final int EXIT_TRAP = 1;
    static final int EXIT_FUEL = 2;
    static final int EXIT_MEMORY = 3;
    static final int EXIT_INVALID = 4;
    static final int EXIT_RANGE = 5;
    /** A shard without a timeout still ends: a day of wall clock at most. */
    static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private final WasmShardRunner runner = new WasmShardRunner();
    private final ExecutorService pool;
    private final TaskLogStore logs;
    private final Map<AttemptKey, Run> running = new ConcurrentHashMap<>();

    /** A queued or running shard; {@code began} is claimed once, by the pool thread or by a kill before it. */
    private static final class Run {
        final AtomicBoolean began = new AtomicBoolean();
        final TaskObserver observer;
        Future<?> future;

        Run(TaskObserver observer) {
            this.observer = observer;
        }
    }

    public WasmTaskRunner(TaskLogStore logs, int threads) {
        this.logs = logs;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "wasm-shard");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the shard of {@code launch} (which carries one); false when that attempt already runs here. */
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        AttemptKey key = launch.key();
        if (running.containsKey(key)) {
            return false;
        }
        synchronized (running) {
            if (running.containsKey(key)) {
                return false;
            }
            Run r = new Run(observer);
            running.put(key, r);
            r.future = pool.submit(() -> run(launch, r));
        }
        return true;
    }

    /** Interrupts every running shard of {@code taskId}; they report KILLED. */
    public int kill(String taskId) {
        synchronized (running) {
            return killLocked(taskId);
        }
    }

    private int killLocked(String taskId) {
        int killed = 0;
        for (Map.Entry<AttemptKey, Run> e : running.entrySet()) {
            if (!e.getKey().taskId().equals(taskId)) {
                continue;
            }
            Run r = e.getValue();
            if (r.began.compareAndSet(false, true)) {
                running.remove(e.getKey());
                r.future.cancel(false);
                AttemptKey key = e.getKey();
                safely(() -> r.observer.onFinished(
                        TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed before it started")));
                killed++;
            } else if (r.future.cancel(true)) {
                killed++;
            }
        }
        return killed;
    }

    private void run(TaskLaunch launch, Run r) {
        if (!r.began.compareAndSet(false, true)) {
            return;
        }
        TaskObserver observer = r.observer;
        AttemptKey key = launch.key();
        WasmShard shard = launch.wasm();
        TaskOutcome outcome;
        try {
            safely(() -> observer.onStarted("wasm-" + key.taskId() + "-a" + key.attempt()));
            outcome = execute(key, shard, launch.timeoutSeconds());
        } catch (RuntimeException e) {
            LOG.warn("WebAssembly shard {} failed in the runner", key, e);
            outcome = TaskOutcome.failedWithoutExit(key, FailureReason.START_FAILED, "runner failed: " + e);
        } finally {
            running.remove(key);
        }
        TaskOutcome done = outcome;
        safely(() -> observer.onFinished(done));
    }

    private TaskOutcome execute(AttemptKey key, WasmShard shard, long timeoutSeconds) {
        byte[] module = shard.module();
        ModuleInspection inspection = WasmModuleCheck.inspect(module, shard.entry(), null);
        if (inspection instanceof ModuleInspection.Rejected r) {
            return exited(key, EXIT_INVALID, "INVALID_MODULE: " + String.join("; ", r.errors()));
        }
        InspectedModule inspected = ((ModuleInspection.Accepted) inspection).module();
        Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : NO_TIMEOUT;
        ShardLimits limits = shard.fuel() == null
                ? ShardLimits.unmetered(shard.memoryPages(), timeout)
                : ShardLimits.metered(shard.fuel(), shard.memoryPages(), timeout);
        ShardOutcome out = runner.run(module, inspected, shard.elements(), shard.i64(), limits);
        if (out instanceof ShardOutcome.Value v) {
            return exited(key, 0, Long.toString(v.value()));
        }
        ShardOutcome.Failure f = (ShardOutcome.Failure) out;
        return switch (f.kind()) {
            case TIMEOUT -> TaskOutcome.failedWithoutExit(key, FailureReason.TIMEOUT, f.message());
            case CANCELLED -> TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed on request");
            default -> exited(key, exitCode(f.kind()), f.kind() + ": " + f.message());
        };
    }

    static int exitCode(FailureKind kind) {
        return switch (kind) {
            case TRAP -> EXIT_TRAP;
            case FUEL_EXHAUSTED -> EXIT_FUEL;
            case MEMORY_LIMIT -> EXIT_MEMORY;
            case VALUE_OUT_OF_RANGE -> EXIT_RANGE;
            default -> EXIT_INVALID;
        };
    }

    private TaskOutcome exited(AttemptKey key, int exitCode, String text) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        byte[] kept =
                all.length <= TaskOutcome.MAX_OUTPUT_BYTES ? all : Arrays.copyOf(all, TaskOutcome.MAX_OUTPUT_BYTES);
        writeLog(key, all);
        return new TaskOutcome(
                key,
                exitCode,
                kept,
                Digest.sha256(all),
                all.length,
                kept.length < all.length,
                FailureReason.NONE,
                exitCode == 0 ? "" : text);
    }

    private void writeLog(AttemptKey key, byte[] bytes) {
        try (TaskLogWriter log = logs.open(key)) {
            log.write(bytes);
        } catch (IOException e) {
            LOG.warn("cannot write the log of {}: {}", key, e.getMessage());
        }
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
        pool.shutdownNow();
    }
}
