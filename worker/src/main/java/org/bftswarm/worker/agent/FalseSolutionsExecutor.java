package org.bftswarm.worker.agent;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.crypto.Digest;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.MineWork;
import org.bftswarm.worker.MiningTaskRunner;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Byzantine worker for tests: for every mine unit assigned to it, it hashes nothing and at once
 * claims a solution, {@code found nonce=N} with N the first nonce of the unit whose hash misses the
 * target (so the claim is false for certain, never a lucky guess). The state machine re-hashes the
 * claim, refuses it and counts it against this node; without that check the job would end with an
 * invalid block. Every other launch goes to the wrapped executor.
 */
public final class FalseSolutionsExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FalseSolutionsExecutor.class);

    private final TaskExecutor inner;

    public FalseSolutionsExecutor(TaskExecutor inner, int nodeId) {
        this.inner = inner;
        LOG.warn("BYZANTINE node {}: false-solutions: claims a solution for every mine unit without hashing", nodeId);
    }

    /** The nonce this node falsely claims for {@code work}: the first whose hash misses the target. */
    public static long falseNonce(MineWork work) {
        for (long n = work.from(); n <= work.to(); n++) {
            if (!work.target().isMetBy(work.header().withNonce(n).hash())) {
                return n;
            }
        }
        return work.from();
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        if (launch.mine() == null) {
            return inner.launch(launch, observer);
        }
        AttemptKey key = launch.key();
        byte[] out = ("found nonce=" + falseNonce(launch.mine())).getBytes(StandardCharsets.UTF_8);
        observer.onStarted("mine-" + key.taskId());
        observer.onFinished(new TaskOutcome(
                key, 0, out, Digest.sha256(out), out.length, false, FailureReason.NONE, "hashes=0 ms=0 (invented)"));
        return true;
    }

    @Override
    public int kill(String taskId) {
        return inner.kill(taskId);
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        inner.reconcile(stillAssigned, observers);
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return inner.logs(taskId);
    }

    @Override
    public Optional<MiningTaskRunner.Stats> miningStats() {
        return inner.miningStats();
    }

    @Override
    public void close() {
        inner.close();
    }
}
