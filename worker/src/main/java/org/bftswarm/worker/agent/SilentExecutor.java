package org.bftswarm.worker.agent;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Byzantine worker for tests: it accepts every attempt assigned to it and runs it through the
 * wrapped executor, but swallows every start and exit, so the worker loop never orders a
 * {@code TaskStarted} or {@code TaskFinished} for it. The attempt stays ASSIGNED in the replicated
 * state until the scheduler's own timeouts or the node's eviction take it elsewhere.
 */
public final class SilentExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SilentExecutor.class);

    private final TaskExecutor inner;
    private final int nodeId;

    public SilentExecutor(TaskExecutor inner, int nodeId) {
        this.inner = inner;
        this.nodeId = nodeId;
        LOG.warn("BYZANTINE node {}: silent-worker: takes tasks and never reports them", nodeId);
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        LOG.warn("BYZANTINE node {}: silent-worker: took {} and will never report it", nodeId, launch.key());
        return inner.launch(launch, silenced(launch.key()));
    }

    private TaskObserver silenced(AttemptKey key) {
        return new TaskObserver() {
            @Override
            public void onStarted(String containerId) {
                LOG.warn("BYZANTINE node {}: silent-worker: not reporting the start of {}", nodeId, key);
            }

            @Override
            public void onFinished(TaskOutcome outcome) {
                LOG.warn("BYZANTINE node {}: silent-worker: not reporting the end of {}", nodeId, key);
            }
        };
    }

    @Override
    public int kill(String taskId) {
        return inner.kill(taskId);
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        inner.reconcile(stillAssigned, this::silenced);
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return inner.logs(taskId);
    }

    @Override
    public Optional<Integer> logsAttempt(String taskId) {
        return inner.logsAttempt(taskId);
    }

    @Override
    public void close() {
        inner.close();
    }
}
