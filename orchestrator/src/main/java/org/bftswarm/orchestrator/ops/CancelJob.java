package org.bftswarm.orchestrator.ops;

/** Cancel every non-terminal task of a job; workers kill containers no longer assigned to them. */
public record CancelJob(String jobId) implements Operation {}
