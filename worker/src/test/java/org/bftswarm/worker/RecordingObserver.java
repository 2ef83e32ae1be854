package org.bftswarm.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records the callbacks of one attempt so tests can await them with a deadline. */
final class RecordingObserver implements TaskObserver {
    final CompletableFuture<String> started = new CompletableFuture<>();
    final CompletableFuture<TaskOutcome> finished = new CompletableFuture<>();
    final AtomicInteger startedCalls = new AtomicInteger();
    final AtomicInteger finishedCalls = new AtomicInteger();
    final AtomicInteger interruptedCalls = new AtomicInteger();

    @Override
    public void onStarted(String containerId) {
        startedCalls.incrementAndGet();
        countIfInterrupted();
        started.complete(containerId);
    }

    @Override
    public void onFinished(TaskOutcome outcome) {
        finishedCalls.incrementAndGet();
        countIfInterrupted();
        finished.complete(outcome);
    }

    String awaitStarted() throws Exception {
        return started.get(30, TimeUnit.SECONDS);
    }

    TaskOutcome awaitFinished() throws Exception {
        return finished.get(60, TimeUnit.SECONDS);
    }

    /** A callback must not run on an interrupted thread (a cancelled waiter); count the ones that do. */
    private void countIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            interruptedCalls.incrementAndGet();
        }
    }
}
