package org.bftswarm.worker.agent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;

/** What the worker loop would have heard about one attempt: every callback, in order. */
final class ObserverLog implements TaskObserver {
    final List<String> starts = new CopyOnWriteArrayList<>();
    final List<TaskOutcome> finishes = new CopyOnWriteArrayList<>();
    final CompletableFuture<TaskOutcome> finished = new CompletableFuture<>();

    @Override
    public void onStarted(String containerId) {
        starts.add(containerId);
    }

    @Override
    public void onFinished(TaskOutcome outcome) {
        finishes.add(outcome);
        finished.complete(outcome);
    }

    TaskOutcome awaitFinished() throws Exception {
        return finished.get(10, TimeUnit.SECONDS);
    }

    int callbacks() {
        return starts.size() + finishes.size();
    }
}
