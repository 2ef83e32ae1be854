package org.bftswarm.orchestrator.sim;

import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.TaskFinished;

/**
 * The simulated container runtime of the consensus + scheduler simulation, so the checkers know what
 * every accepted result must be. A task of a {@code none} job is not deterministic: running attempt
 * {@code a} of task {@code t} yields an exit code and output derived from (t, a). A task of a
 * {@code quorum} job is deterministic: every run of {@code t}, on any node and at any attempt, yields
 * the same result, derived from t alone, so f+1 honest runs match. About one run (or deterministic
 * task) in four exits 3, so retries and FAILED tasks happen.
 */
final class FakeExecutor {

    private FakeExecutor() {}

    static int exitCode(String taskId, int attempt) {
        return Math.floorMod((taskId + "#" + attempt).hashCode() * 31 + 7, 4) == 0 ? 3 : 0;
    }

    static String output(String taskId, int attempt) {
        return "fake run of " + taskId + " attempt " + attempt + " exit " + exitCode(taskId, attempt) + "\n";
    }

    /** The exit code of every run of the deterministic task {@code taskId}. */
    static int deterministicExitCode(String taskId) {
        return Math.floorMod((taskId + "#deterministic").hashCode() * 31 + 7, 4) == 0 ? 3 : 0;
    }

    /** The output of every run of the deterministic task {@code taskId}. */
    static String deterministicOutput(String taskId) {
        return "deterministic run of " + taskId + " exit " + deterministicExitCode(taskId) + "\n";
    }

    static String digest(String output) {
        return Digest.sha256(output.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** The honest report of node {@code node} for attempt {@code attempt} of {@code taskId}. */
    static TaskFinished report(String taskId, int attempt, int node) {
        String out = output(taskId, attempt);
        return new TaskFinished(taskId, attempt, node, exitCode(taskId, attempt), digest(out), out, "exited");
    }

    /** The honest report of node {@code node} for its run (attempt {@code attempt}) of a deterministic task. */
    static TaskFinished deterministicReport(String taskId, int attempt, int node) {
        String out = deterministicOutput(taskId);
        return new TaskFinished(taskId, attempt, node, deterministicExitCode(taskId), digest(out), out, "exited");
    }

    /** True when a report carries exactly what the fake executor produced for its attempt. */
    static boolean matches(String taskId, int attempt, Integer exitCode, String outputDigest, String output) {
        String out = output(taskId, attempt);
        return exitCode != null
                && exitCode == exitCode(taskId, attempt)
                && digest(out).equals(outputDigest)
                && out.equals(output);
    }

    /** True when a result is exactly what every run of the deterministic task {@code taskId} produces. */
    static boolean matchesDeterministic(String taskId, Integer exitCode, String outputDigest, String output) {
        String out = deterministicOutput(taskId);
        return exitCode != null
                && exitCode == deterministicExitCode(taskId)
                && digest(out).equals(outputDigest)
                && out.equals(output);
    }
}
