package org.bftswarm.worker.agent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.MiningTaskRunner;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;

/**
 * What the node's worker loop needs from whatever runs task attempts:
 * Docker in production ({@link DockerTaskExecutor}), an in-memory fake in the in-JVM cluster test.
 */
public interface TaskExecutor extends AutoCloseable {
    /** Starts one attempt in the background; false when that attempt is already running here. */
    boolean launch(TaskLaunch launch, TaskObserver observer);

    /** Kills every running attempt of {@code taskId}; returns how many were signalled. */
    int kill(String taskId);

    /** On start: adopts leftover containers whose attempt is still assigned here, kills the rest. */
    void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers);

    /** The full log of the latest attempt of {@code taskId} run on this node, if any. */
    Optional<byte[]> logs(String taskId);

    /** Which attempt {@link #logs} belongs to, when the executor knows it. */
    default Optional<Integer> logsAttempt(String taskId) {
        return Optional.empty();
    }

    /** The built-in hasher's totals, when this executor mines. */
    default Optional<MiningTaskRunner.Stats> miningStats() {
        return Optional.empty();
    }

    /** Stops following attempts (containers keep running, to be adopted after a restart). */
    @Override
    void close();

    /** Opens the executor of one node; {@code nodeDir} is {@code D/node-<i>}. */
    @FunctionalInterface
    interface Factory {
        TaskExecutor open(String swarm, int nodeId, Path nodeDir);
    }
}
