package org.bftswarm.orchestrator.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The scheduler's answer to one operation, identical on every correct replica (the client accepts
 * it on f+1 matching copies). {@code outcome} is OK (applied), IGNORED (well-formed but changes
 * nothing, e.g. a stale attempt) or REJECTED (malformed, invalid or unauthorised). The reply to a
 * {@link ReportBatch} also lists each report's own code ({@code reports}, started then finished).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reply(
        Outcome outcome, ReplyCode code, String detail, String jobId, List<String> errors, List<ReplyCode> reports) {

    /** Coarse result of an operation. */
    public enum Outcome {
        OK,
        IGNORED,
        REJECTED
    }

    public Reply {
        errors = errors == null ? List.of() : List.copyOf(errors);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** A reply without per-report codes (every operation but a {@link ReportBatch}). */
    public Reply(Outcome outcome, ReplyCode code, String detail, String jobId, List<String> errors) {
        this(outcome, code, detail, jobId, errors, List.of());
    }

    /** The reply to a {@link ReportBatch}: {@code reports} holds each report's own code, in batch order. */
    public static Reply batch(Outcome outcome, ReplyCode code, String detail, List<ReplyCode> reports) {
        return new Reply(outcome, code, detail, null, List.of(), reports);
    }

    public static Reply ok(ReplyCode code, String detail) {
        return new Reply(Outcome.OK, code, detail, null, List.of());
    }

    public static Reply okJob(ReplyCode code, String jobId) {
        return new Reply(Outcome.OK, code, null, jobId, List.of());
    }

    public static Reply ignored(ReplyCode code, String detail) {
        return new Reply(Outcome.IGNORED, code, detail, null, List.of());
    }

    /** An ignored operation on job {@code jobId} (e.g. cancelling a finished job): the reply names the job. */
    public static Reply ignoredJob(ReplyCode code, String detail, String jobId) {
        return new Reply(Outcome.IGNORED, code, detail, jobId, List.of());
    }

    public static Reply rejected(ReplyCode code, String detail) {
        return new Reply(Outcome.REJECTED, code, detail, null, List.of());
    }

    public static Reply invalid(List<String> errors) {
        return new Reply(Outcome.REJECTED, ReplyCode.INVALID, "invalid job spec", null, errors);
    }

    @JsonIgnore
    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
