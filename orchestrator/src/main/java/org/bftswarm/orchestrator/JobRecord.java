package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.verify.ResultQuorum;

/**
 * Replicated record of one job: its number (submission order), normalised spec, submitter, and
 * batch times of submission and deadline (submission + deadlineSeconds for a data job that sets it,
 * else + timeoutSeconds), a data job's reduced result and a mine job's search. Task ids are derived:
 * {@code <jobId>.<index>} for index 0..count−1, or for a mine job one per live work unit.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class JobRecord {

    String id;
    long number;
    JobSpec spec;
    int submitter;
    /** Who submitted it, as shown to users: {@code client:NAME}, {@code token@NODE} or {@code node N}. */
    String submittedBy;
    /** The client that signed the submission, or null when a node submitted it (token or its own). */
    String owner;

    long submittedAtMillis;
    long deadlineMillis;
    boolean cancelled;
    /** A data job's reduced result as JSON text, once every shard is accepted (null for reduce none). */
    String result;
    /** Why a data job's shard results could not be reduced. */
    String resultError;
    /** A mine job's search (null for any other job). */
    MineProgress mine;

    private JobRecord() {}

    static JobRecord of(
            String id, long number, JobSpec spec, int submitter, String submittedBy, String owner, long now) {
        JobRecord job = new JobRecord();
        job.id = id;
        job.number = number;
        job.spec = spec;
        job.submitter = submitter;
        job.submittedBy = submittedBy;
        job.owner = owner;
        job.submittedAtMillis = now;
        int deadlineSeconds = spec.hasData() && spec.data().deadlineSeconds() != null
                ? spec.data().deadlineSeconds()
                : spec.timeoutSeconds();
        job.deadlineMillis = now + deadlineSeconds * 1000L;
        job.mine = spec.hasMine() ? new MineProgress() : null;
        return job;
    }

    /** How many matching reports accept a result of this job's tasks, in a cluster tolerating f faults. */
    ResultQuorum quorum(int f) {
        return quorumFor(spec, f);
    }

    /** The verification rule of a job with this (normalised) spec. */
    static ResultQuorum quorumFor(JobSpec spec, int f) {
        return Verification.QUORUM.equals(spec.verification()) ? ResultQuorum.forFaults(f) : ResultQuorum.trustOne();
    }

    static String taskId(String jobId, int index) {
        return jobId + "." + index;
    }

    List<String> taskIds() {
        if (mine != null) {
            return mine.live.stream().map(u -> taskId(id, Math.toIntExact(u))).toList();
        }
        List<String> ids = new ArrayList<>(spec.count());
        for (int i = 0; i < spec.count(); i++) {
            ids.add(taskId(id, i));
        }
        return ids;
    }
}
