package org.bftswarm.worker.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Byzantine worker for tests: it runs every attempt through the wrapped executor, then reports
 * the real exit code with {@link #tamper altered output} whose digest, length and truncation flag
 * are computed from the altered bytes, so the report is self-consistent and only a comparison with
 * other nodes' results (quorum verification) can expose it. Attempts that never exited (start
 * failures, lost containers) are reported as they are.
 */
public final class TamperingExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(TamperingExecutor.class);

    private final TaskExecutor inner;
    private final int nodeId;
    private final Map<String, byte[]> tamperedLogs = new ConcurrentHashMap<>();

    public TamperingExecutor(TaskExecutor inner, int nodeId) {
        this.inner = inner;
        this.nodeId = nodeId;
        LOG.warn("BYZANTINE node {}: tamper-output: runs tasks and reports altered output", nodeId);
    }

    /** The marker line appended to every tampered output. */
    public static String marker(int nodeId) {
        return "[output tampered by node " + nodeId + "]\n";
    }

    /**
     * The altered output: the kept output with {@link #marker} appended; when that would exceed
     * {@link TaskOutcome#MAX_OUTPUT_BYTES}, the marker overwrites the end of the kept output instead,
     * so every reported byte is covered by the reported digest.
     */
    static byte[] tamper(byte[] kept, int nodeId) {
        byte[] mark = marker(nodeId).getBytes(StandardCharsets.UTF_8);
        int keep = Math.min(kept.length, TaskOutcome.MAX_OUTPUT_BYTES - mark.length);
        byte[] out = Arrays.copyOf(kept, keep + mark.length);
        System.arraycopy(mark, 0, out, keep, mark.length);
        return out;
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        return inner.launch(launch, tampering(launch.key(), observer));
    }

    private TaskObserver tampering(AttemptKey key, TaskObserver real) {
        return new TaskObserver() {
            @Override
            public void onStarted(String containerId) {
                real.onStarted(containerId);
            }

            @Override
            public void onFinished(TaskOutcome outcome) {
                if (outcome.exitCode() == TaskOutcome.NO_EXIT_CODE) {
                    real.onFinished(outcome);
                    return;
                }
                byte[] altered = tamper(outcome.output(), nodeId);
                tamperedLogs.put(key.taskId(), altered);
                TaskOutcome lie = ForgedOutcome.exited(key, outcome.exitCode(), altered);
                LOG.warn(
                        "BYZANTINE node {}: tamper-output: reporting {} with altered output (digest {} instead of {})",
                        nodeId,
                        key,
                        lie.outputDigest().shortHex(),
                        outcome.outputDigest().shortHex());
                real.onFinished(lie);
            }
        };
    }

    @Override
    public int kill(String taskId) {
        return inner.kill(taskId);
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        inner.reconcile(stillAssigned, key -> tampering(key, observers.apply(key)));
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        byte[] tampered = tamperedLogs.get(taskId);
        return tampered != null ? Optional.of(tampered.clone()) : inner.logs(taskId);
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
