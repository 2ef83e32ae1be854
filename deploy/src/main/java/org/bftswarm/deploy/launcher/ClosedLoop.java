package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench's closed loop: {@code parallel} workers run a step {@code count} times in all, each
 * starting its next step as soon as its last one ended, so exactly {@code parallel} steps are in
 * flight until the last ones. A failed step fails the run.
 */
final class ClosedLoop {
    /** One step of a closed loop. */
    interface Step {
        void run() throws Exception;
    }

    private ClosedLoop() {}

    /** Runs {@code step} {@code count} times on {@code parallel} workers; returns the elapsed nanoseconds. */
    static long run(int parallel, int count, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < parallel; c++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        step.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }
}
