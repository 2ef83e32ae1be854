package org.bftswarm.api;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for real asynchronous work with a deadline (no sleep-and-hope). */
final class Polling {
    private Polling() {}

    static void await(String what, Duration deadline, BooleanSupplier done) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
