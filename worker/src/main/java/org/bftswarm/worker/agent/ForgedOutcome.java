package org.bftswarm.worker.agent;

import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.OutputCapture;
import org.bftswarm.worker.TaskOutcome;

/**
 * Builds the outcome a lying worker reports for output it made up or altered: the output goes
 * through the same {@link OutputCapture} a real run's stream goes through, so the kept prefix,
 * length, truncation flag and SHA-256 digest in {@code TaskFinished} agree with each other exactly
 * as an honest report's do. Only the Byzantine executors use it.
 */
final class ForgedOutcome {
    private ForgedOutcome() {}

    /** An attempt that "exited by itself" with {@code exitCode} after printing {@code output}. */
    static TaskOutcome exited(AttemptKey key, int exitCode, byte[] output) {
        OutputCapture capture = new OutputCapture();
        capture.append(output);
        OutputCapture.Captured c = capture.seal();
        return new TaskOutcome(
                key, exitCode, c.prefix(), c.digest(), c.totalBytes(), c.truncated(), FailureReason.NONE, "");
    }
}
