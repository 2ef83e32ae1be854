package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs module code on a thread of its own and turns whatever it does into a {@link ShardOutcome}, never an
 * exception. Rules: the wall-clock timeout and the caller's interruption both interrupt that thread, which Chicory
 * checks (interpreter and compiled code alike) and stops on; the caller gets {@link FailureKind#TIMEOUT} or
 * {@link FailureKind#CANCELLED} (its interrupt flag restored) as soon as the module has stopped. Threads have a
 * {@value #STACK_BYTES}-byte stack so {@link DepthBoundedInterpreter#MAX_CALL_DEPTH} always fits; a Java stack
 * overflow (compiled code) is a trap "call stack exhausted".
 */
final class WasmExecution {
    static final long STACK_BYTES = 64L << 20;
    private static final long STOP_WAIT_MILLIS = 2_000;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "wasm-" + THREAD_NUMBER.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private WasmExecution() {}

    /** Runs {@code body}; {@code timeout} null means no wall-clock bound (fuel bounds the run). */
    static ShardOutcome run(Duration timeout, Supplier<ShardOutcome> body) {
        CountDownLatch stopped = new CountDownLatch(1);
        Future<ShardOutcome> future = THREADS.submit(() -> {
            try {
                return body.get();
            } catch (Throwable t) {
                return classify(t);
            } finally {
                stopped.countDown();
            }
        });
        try {
            return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(future, stopped);
            return ShardOutcome.failure(
                    FailureKind.TIMEOUT, "ran longer than the timeout of " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            stop(future, stopped);
            Thread.currentThread().interrupt();
            return ShardOutcome.failure(FailureKind.CANCELLED, "cancelled: the calling thread was interrupted");
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
    }

    private static void stop(Future<ShardOutcome> future, CountDownLatch stopped) {
        future.cancel(true);
        boolean interrupted = false;
        try {
            stopped.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException again) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a throwable out of module code means; the first {@link LimitExceeded} in the cause chain wins. */
    static ShardOutcome classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded limit) {
                return ShardOutcome.failure(limit.kind(), limit.getMessage());
            }
        }
        if (thrown instanceof ChicoryInterruptedException) {
            return ShardOutcome.failure(FailureKind.CANCELLED, "cancelled: the thread was interrupted");
        }
        if (thrown instanceof StackOverflowError) {
            return ShardOutcome.failure(FailureKind.TRAP, "call stack exhausted");
        }
        if (thrown instanceof OutOfMemoryError) {
            return ShardOutcome.failure(FailureKind.MEMORY_LIMIT, "the JVM ran out of heap: " + thrown.getMessage());
        }
        if (thrown instanceof MalformedException
                || thrown instanceof InvalidException
                || thrown instanceof UnlinkableException
                || thrown instanceof UninstantiableException) {
            return ShardOutcome.failure(FailureKind.INVALID_MODULE, String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof ChicoryException) {
            return ShardOutcome.failure(FailureKind.TRAP, String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof ArithmeticException) {
            return ShardOutcome.failure(FailureKind.TRAP, "integer divide by zero");
        }
        if (thrown instanceof IndexOutOfBoundsException) {
            return ShardOutcome.failure(FailureKind.TRAP, "out of bounds memory access");
        }
        return ShardOutcome.failure(FailureKind.TRAP, thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
    }
}
