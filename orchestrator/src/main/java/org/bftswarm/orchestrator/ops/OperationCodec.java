package org.bftswarm.orchestrator.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * Canonical byte form of {@link Operation}s (sorted-key JSON, see {@link CanonicalJson}): equal
 * operations encode to equal bytes, and {@link #decode} turns any byte string into either an
 * operation or a {@link DecodeResult.Malformed} without throwing.
 */
public final class OperationCodec {

    private static final int MAX_REASON = 200;

    private OperationCodec() {}

    /** Encodes an operation; an operation that cannot be encoded is a programming error. */
    public static byte[] encode(Operation operation) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(operation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("operation cannot be encoded: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes bytes from the ordered log; never throws. */
    public static DecodeResult decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodeResult.Malformed("empty operation");
        }
        if (bytes.length > CanonicalJson.MAX_OPERATION_BYTES) {
            return new DecodeResult.Malformed(
                    "operation of " + bytes.length + " bytes exceeds " + CanonicalJson.MAX_OPERATION_BYTES);
        }
        Operation operation;
        try {
            operation = CanonicalJson.mapper().readValue(bytes, Operation.class);
        } catch (JsonProcessingException e) {
            return new DecodeResult.Malformed(bounded("not an operation: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new DecodeResult.Malformed(
                    bounded("not an operation: " + e.getClass().getSimpleName()));
        }
        if (operation == null) {
            return new DecodeResult.Malformed("operation is null");
        }
        String missing = missingField(operation);
        if (missing != null) {
            return new DecodeResult.Malformed(operation.getClass().getSimpleName() + ": " + missing + " is required");
        }
        try {
            encode(operation); // whatever is accepted must also be storable (e.g. no lone surrogates)
        } catch (RuntimeException e) {
            return new DecodeResult.Malformed("operation cannot be re-encoded canonically");
        }
        return new DecodeResult.Decoded(operation);
    }

    /** Structural completeness (semantic checks belong to the scheduler). */
    private static String missingField(Operation operation) {
        if (operation instanceof SubmitJob s) {
            return s.spec() == null ? "spec" : null;
        } else if (operation instanceof CancelJob c) {
            return c.jobId() == null ? "jobId" : null;
        } else if (operation instanceof TaskStarted t) {
            return t.taskId() == null ? "taskId" : null;
        } else if (operation instanceof TaskFinished t) {
            return t.taskId() == null ? "taskId" : null;
        } else if (operation instanceof ReportBatch b) {
            return missingInBatch(b);
        } else if (operation instanceof ClientOperation c) {
            if (c.client() == null) {
                return "client";
            }
            if (c.signature() == null) {
                return "signature";
            }
            if (c.operation() == null) {
                return "operation";
            }
            return missingField(c.operation());
        }
        return null;
    }

    private static String missingInBatch(ReportBatch b) {
        if (b.started() == null) {
            return "started";
        }
        if (b.finished() == null) {
            return "finished";
        }
        for (TaskStarted t : b.started()) {
            String m = t == null ? "started[] element" : missingField(t);
            if (m != null) {
                return m;
            }
        }
        for (TaskFinished t : b.finished()) {
            String m = t == null ? "finished[] element" : missingField(t);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String bounded(String reason) {
        String oneLine = String.valueOf(reason).replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "...";
    }
}
