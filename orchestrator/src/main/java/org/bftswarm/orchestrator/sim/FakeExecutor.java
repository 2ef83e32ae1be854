package org.bftswarm.orchestrator.sim;

import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.TaskFinished;

/**
 * The simulated container runtime of the consensus + scheduler
 * simulation: running attempt {@code a} of task {@code t} always yields the same exit code and
 * output, derived from (t, a) alone, so the checkers know what every accepted result must be.
 * About one attempt in four exits 3, so retries and FAILED tasks happen.
 */
final class FakeExecutor {

    private FakeExecutor() {}

    static int exitCode(String taskId, int attempt) {
        return Math.floorMod((taskId + "#" + attempt).hashCode() * 31 + 7, 4) == 0 ? 3 : 0;
    }

    static String output(String taskId, int attempt) {
        return "fake run of " + taskId + " attempt " + attempt + " exit " + exitCode(taskId, attempt) + "\n";
    }

    static String digest(String output) {
        return Digest.sha256(output.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** The honest report of node {@code node} for attempt {@code attempt} of {@code taskId}. */
    static TaskFinished report(String taskId, int attempt, int node) {
        String out = output(taskId, attempt);
        return new TaskFinished(taskId, attempt, node, exitCode(taskId, attempt), digest(out), out, "exited");
    }

    /** True when a report carries exactly what the fake executor produced for its attempt. */
    static boolean matches(String taskId, int attempt, Integer exitCode, String outputDigest, String output) {
        String out = output(taskId, attempt);
        return exitCode != null
                && exitCode == exitCode(taskId, attempt)
                && digest(out).equals(outputDigest)
                && out.equals(output);
    }
}
