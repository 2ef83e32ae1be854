package org.bftswarm.worker;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bftswarm.crypto.Digest;

/**
 * Accumulates a container's output as it streams in: keeps a bounded prefix and hashes every byte,
 * so a result carries at most {@link TaskOutcome#MAX_OUTPUT_BYTES} of output plus the SHA-256 of
 * all of it. Pure computation; thread-safe.
 */
public final class OutputCapture {
    private final int limit;
    private final MessageDigest sha256;
    private byte[] head = new byte[256];
    private int kept;
    private long total;
    private boolean sealed;
    private Digest digest;

    /** A capture keeping at most {@code limit} bytes. */
    public OutputCapture(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A capture with the result bound {@link TaskOutcome#MAX_OUTPUT_BYTES}. */
    public OutputCapture() {
        this(TaskOutcome.MAX_OUTPUT_BYTES);
    }

    /** Appends {@code bytes}; ignored once the capture is sealed. */
    public synchronized void append(byte[] bytes) {
        if (sealed || bytes == null || bytes.length == 0) {
            return;
        }
        sha256.update(bytes);
        total += bytes.length;
        int take = Math.min(bytes.length, limit - kept);
        if (take > 0) {
            if (kept + take > head.length) {
                head = Arrays.copyOf(head, Math.min(limit, Math.max(head.length * 2, kept + take)));
            }
            System.arraycopy(bytes, 0, head, kept, take);
            kept += take;
        }
    }

    /** Stops accepting bytes (late frames after the result is built are dropped) and returns the result. */
    public synchronized Captured seal() {
        if (!sealed) {
            sealed = true;
            digest = Digest.wrap(sha256.digest());
        }
        return new Captured(Arrays.copyOf(head, kept), digest, total, total > kept);
    }

    /** Bytes seen so far. */
    public synchronized long total() {
        return total;
    }

    /** What a sealed capture holds: the kept prefix, the digest of everything, the full length. */
    public record Captured(byte[] prefix, Digest digest, long totalBytes, boolean truncated) {}
}
