package org.bftswarm.orchestrator;

import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.Digest;

/**
 * One node's reported result of one run, as ordered: exit code, the digest of its whole output, the
 * bounded output kept, whether it was truncated, and the reason. {@link #key} is what reports must agree
 * on to match: all of these but the free-text reason, hashed, so two reports match exactly when they
 * claim the same exit code, the same full output and the same kept output.
 */
record ResultVote(
        int attempt,
        int node,
        Integer exitCode,
        String outputDigest,
        String output,
        boolean outputTruncated,
        String reason,
        String key) {

    static ResultVote of(
            int attempt,
            int node,
            Integer exitCode,
            String outputDigest,
            String output,
            boolean truncated,
            String reason) {
        String canonical = "exit=" + exitCode + "\ndigest=" + outputDigest + "\ntruncated=" + truncated + "\nkept="
                + Digest.sha256(bytes(output)).hex();
        String key = Digest.sha256(canonical.getBytes(StandardCharsets.UTF_8)).hex();
        return new ResultVote(attempt, node, exitCode, outputDigest, output, truncated, reason, key);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
