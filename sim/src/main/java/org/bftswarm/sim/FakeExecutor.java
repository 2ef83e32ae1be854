package org.bftswarm.sim;

import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * The simulated container runtime of the consensus + scheduler simulation, so the checkers know what
 * every accepted result must be. A task of a {@code none} job is not deterministic: running attempt
 * {@code a} of task {@code t} yields an exit code and output derived from (t, a). A task of a
 * {@code quorum} job is deterministic: every run of {@code t}, on any node and at any attempt, yields
 * the same result, derived from t alone, so f+1 honest runs match. About one run (or deterministic
 * task) in four exits 3, so retries and FAILED tasks happen.
 *
 * <p>A shard of a WebAssembly data job is run as the node's runner runs the simulation's modules
 * ({@link SimModules}: each sums the elements it is given): its slice of the stored spec's dataset
 * (the worker's {@code ShardRange} of the resolved shard count), summed in 64-bit arithmetic, is the
 * output as a decimal string, exit 0, on every node and attempt (a module is deterministic).
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

    /** Whether a task of the job stored as {@code spec} is a WebAssembly shard. */
    static boolean isShard(JobSpec spec) {
        return spec != null && spec.isWasm();
    }

    /** The sum of shard {@code taskId}'s slice of the stored spec's dataset, as the runner computes it. */
    static long shardSum(JobSpec spec, String taskId) {
        DataSpec data = spec.data();
        long sum = 0;
        for (long v : data.values(data.range(spec.count(), shardIndex(taskId)))) {
            sum += v;
        }
        return sum;
    }

    /** The output of every run of shard {@code taskId}. */
    static String shardOutput(JobSpec spec, String taskId) {
        return Long.toString(shardSum(spec, taskId));
    }

    /** The honest report of node {@code node} for its run of shard {@code taskId}. */
    static TaskFinished shardReport(JobSpec spec, String taskId, int attempt, int node) {
        String out = shardOutput(spec, taskId);
        return new TaskFinished(taskId, attempt, node, 0, digest(out), out, "exited");
    }

    /** True when a result is exactly what every run of shard {@code taskId} produces. */
    static boolean matchesShard(JobSpec spec, String taskId, Integer exitCode, String outputDigest, String output) {
        String out = shardOutput(spec, taskId);
        return exitCode != null && exitCode == 0 && digest(out).equals(outputDigest) && out.equals(output);
    }

    /** True when a result is what every run of the deterministic task produces: a shard's, or a quorum task's. */
    static boolean matchesDeterministic(
            JobSpec spec, String taskId, Integer exitCode, String outputDigest, String output) {
        return isShard(spec)
                ? matchesShard(spec, taskId, exitCode, outputDigest, output)
                : matchesDeterministic(taskId, exitCode, outputDigest, output);
    }

    /** The shard index of task {@code <job>.<index>}. */
    static int shardIndex(String taskId) {
        return Integer.parseInt(taskId.substring(taskId.lastIndexOf('.') + 1));
    }
}
