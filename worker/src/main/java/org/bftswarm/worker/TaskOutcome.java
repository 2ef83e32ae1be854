package org.bftswarm.worker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * The final result of one task attempt as the worker reports it in {@code TaskFinished}: exit
 * code, output digest, bounded output. {@code output} holds the first
 * {@link #MAX_OUTPUT_BYTES} bytes of stdout and stderr interleaved as they arrived;
 * {@code outputDigest} is the SHA-256 of the whole output, so replicas can compare results
 * without carrying them. The output array is copied in and out.
 *
 * @param exitCode    the container's exit code, or {@link #NO_EXIT_CODE} if it never ran or was lost
 * @param outputBytes length of the whole output, of which {@code output} is a prefix
 * @param detail      human-readable reason when {@code reason != NONE}, else empty
 */
public record TaskOutcome(
        AttemptKey attempt,
        int exitCode,
        byte[] output,
        Digest outputDigest,
        long outputBytes,
        boolean truncated,
        FailureReason reason,
        String detail) {

    /** Bound on the output carried in a result (64 KiB), the same bound the scheduler keeps for a TaskFinished. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** Exit code reported when no container exit was observed. */
    public static final int NO_EXIT_CODE = -1;

    private static final Digest EMPTY_DIGEST = Digest.sha256(new byte[0]);

    public TaskOutcome {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputDigest, "outputDigest");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        output = output.clone();
        Invariants.check(
                output.length <= MAX_OUTPUT_BYTES, "output %d bytes exceeds bound %d", output.length, MAX_OUTPUT_BYTES);
        Invariants.check(
                outputBytes >= output.length,
                "total output %d shorter than kept prefix %d",
                outputBytes,
                output.length);
        Invariants.check(
                truncated == (outputBytes > output.length),
                "truncated flag %s disagrees with %d of %d bytes kept",
                truncated,
                output.length,
                outputBytes);
    }

    /** An outcome for an attempt that produced no container exit (never started, or lost). */
    public static TaskOutcome failedWithoutExit(AttemptKey attempt, FailureReason reason, String detail) {
        Invariants.check(reason != FailureReason.NONE, "a failure needs a reason other than NONE");
        return new TaskOutcome(attempt, NO_EXIT_CODE, new byte[0], EMPTY_DIGEST, 0, false, reason, detail);
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    /** The kept output decoded as UTF-8 (malformed sequences replaced). */
    public String outputText() {
        return new String(output, StandardCharsets.UTF_8);
    }

    /** True when the container ran to completion by itself with exit code 0. */
    public boolean succeeded() {
        return reason == FailureReason.NONE && exitCode == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOutcome t
                && exitCode == t.exitCode
                && outputBytes == t.outputBytes
                && truncated == t.truncated
                && attempt.equals(t.attempt)
                && Arrays.equals(output, t.output)
                && outputDigest.equals(t.outputDigest)
                && reason == t.reason
                && detail.equals(t.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                attempt, exitCode, Arrays.hashCode(output), outputDigest, outputBytes, truncated, reason, detail);
    }

    @Override
    public String toString() {
        return "TaskOutcome[" + attempt + " exit=" + exitCode + " reason=" + reason
                + (detail.isEmpty() ? "" : " (" + detail + ")") + " output=" + outputBytes + "B"
                + (truncated ? " truncated" : "") + " digest=" + outputDigest.shortHex() + "]";
    }
}
