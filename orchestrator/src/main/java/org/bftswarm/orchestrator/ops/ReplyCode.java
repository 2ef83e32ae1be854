package org.bftswarm.orchestrator.ops;

/** Why the scheduler answered as it did; stable names the API and the CLI may switch on. */
public enum ReplyCode {
    // OK
    JOB_ACCEPTED,
    JOB_EXISTS,
    JOB_CANCELLED,
    NODE_REGISTERED,
    NODE_UP,
    TASK_STARTED,
    TASK_FINISHED,
    SUSPICION_RECORDED,
    NODE_DOWN,
    TICK,
    REPORTS_APPLIED,
    READMIT_RECORDED,
    NODE_READMITTED,
    // IGNORED: harmless, state unchanged
    DUPLICATE,
    STALE_ATTEMPT,
    TASK_NOT_ACTIVE,
    NODE_ALREADY_DOWN,
    NOT_QUARANTINED,
    JOB_FINISHED,
    // REJECTED
    MALFORMED,
    INVALID,
    UNAUTHORIZED,
    NOT_FOUND,
    CONFLICT,
    REGISTRATION_MISMATCH,
    FORBIDDEN,
    REPLAYED,
    INTERNAL_ERROR
}
