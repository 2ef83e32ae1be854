package org.bftswarm.orchestrator.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * Submit a job. {@code jobId} is optional: when given (letters, digits, '_' and '-', at most 64,
 * not of the form {@code job-<number>}) a retransmitted submission is recognised and answered
 * with the same id; when absent the scheduler names the job {@code job-<n>} from its own counter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitJob(String jobId, JobSpec spec) implements Operation {}
