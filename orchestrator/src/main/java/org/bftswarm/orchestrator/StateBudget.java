package org.bftswarm.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;
import org.bftswarm.orchestrator.ops.CanonicalJson;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * The hard bound on the replicated state (PBFT state transfer, Castro &amp; Liskov TOCS 2002 §5.3: a
 * replica that falls behind must be able to fetch the certified snapshot, and consensus refuses one
 * over its transfer limit): the snapshot's canonical JSON, which bounds its compressed form, stays
 * within half the transfer limit. The estimate, kept as running sums by {@link SchedulerState}, is a
 * fixed allowance for nodes, suspicions and clients, plus each unfinished job at its worst case (its
 * spec, and per task the kept output of every run its verification allows, each at most
 * {@link OutputLimit#MAX_OUTPUT_JSON_BYTES}; a data job's elements also at their in-memory size), plus each
 * finished job at its measured size. A submission
 * that would push the estimate past the budget is refused; finished jobs never block one, since
 * {@link FinishedJobRetention} expires them to make room. Sizes come from replicated records only.
 */
final class StateBudget {

    /** JobRecord fields besides the spec (ids, submitter, times), with its map key. */
    static final long JOB_OVERHEAD_BYTES = 1024;
    /** A task's ids, times, digest, container id, reason and 16 remembered attempts, with its map key. */
    static final long TASK_OVERHEAD_BYTES = 16 * 1024;
    /** Per node of the cluster: a run in flight, its place in the task's node sets and a dispute reason. */
    static final long TASK_BYTES_PER_NODE = 512;
    /** One reported result besides its output: digest, reason, key and field names. */
    static final long VOTE_OVERHEAD_BYTES = 2 * 1024;
    /** The snapshot's top level: format, clock, counters. */
    static final long BASE_BYTES = 64 * 1024;
    /** Per node: its record (labels, evidence of 16 disagreements, votes) besides its suspicion votes. */
    static final long NODE_BYTES = 32 * 1024;
    /** Per node and voter: one suspicion vote. */
    static final long SUSPICION_BYTES = 16;
    /** Per signing client: its window of 256 request numbers. */
    static final long CLIENT_BYTES = 8 * 1024;

    private static final double MIB = 1024.0 * 1024.0;

    private StateBudget() {}

    /** The bound the estimate must stay within: half the state-transfer limit. */
    static long budgetBytes(SchedulerConfig config) {
        return config.stateTransferLimitBytes() / 2;
    }

    /** Allowance for everything but jobs and tasks, from the configuration alone. */
    static long fixedBytes(SchedulerConfig config) {
        long n = config.clusterSize();
        long clients = config.clientPolicy().clients().size();
        return BASE_BYTES + n * NODE_BYTES + n * n * SUSPICION_BYTES + clients * CLIENT_BYTES;
    }

    /** How many kept outputs a task of this (normalised) spec can hold at once: one per run of a round. */
    static int outputsPerTask(JobSpec spec, SchedulerConfig config) {
        return JobRecord.quorumFor(spec, config.faults()).cap();
    }

    /** The most one task may add to the snapshot while unfinished. */
    static long worstCaseTaskBytes(int outputs, int clusterSize) {
        return TASK_OVERHEAD_BYTES
                + clusterSize * TASK_BYTES_PER_NODE
                + outputs * (VOTE_OVERHEAD_BYTES + OutputLimit.MAX_OUTPUT_JSON_BYTES);
    }

    /** The most a job with this normalised spec may add to the snapshot before it finishes. */
    static long reservedBytes(JobSpec spec, SchedulerConfig config) {
        return jsonBytes(spec)
                + dataHeapBytes(spec)
                + JOB_OVERHEAD_BYTES
                + tasksHeld(spec, config) * worstCaseTaskBytes(outputsPerTask(spec, config), config.clusterSize());
    }

    /**
     * How many task records a job holds at most: its count, or for a mine job its open units (per
     * node, at most {@link MiningConfig#DEFAULT_UNITS_PER_NODE} times the largest setting) and one
     * more per node (units whose verification ends in the same operation).
     */
    static long tasksHeld(JobSpec spec, SchedulerConfig config) {
        return spec.hasMine() ? (long) config.clusterSize() * (16 + 1) : spec.count();
    }

    /** The retention entry of a job whose every task is terminal, with its measured sizes. */
    static FinishedJob finished(JobRecord job, List<TaskRecord> tasks) {
        long bytes = entryBytes(job.id, job) + dataHeapBytes(job.spec);
        long output = 0;
        long finishedAt = job.submittedAtMillis;
        for (TaskRecord task : tasks) {
            bytes += entryBytes(task.id, task);
            output += OutputLimit.utf8Bytes(task.output);
            if (task.finishedAtMillis != null) {
                finishedAt = Math.max(finishedAt, task.finishedAtMillis);
            }
        }
        return new FinishedJob(job.number, job.id, finishedAt, bytes, output);
    }

    /**
     * Why a job with this normalised spec cannot be admitted now ({@code count:} when no state could
     * hold it, {@code state:} when the unfinished jobs leave too little room), or null when it can.
     */
    static String refusal(SchedulerState state, JobSpec spec) {
        SchedulerConfig config = state.config;
        long budget = budgetBytes(config);
        long fixed = fixedBytes(config);
        long needed = reservedBytes(spec, config);
        String limit = mib(budget) + " MiB state budget (half the " + mib(config.stateTransferLimitBytes())
                + " MiB state-transfer limit)";
        if (fixed + needed > budget) {
            return "count: a job of " + spec.count() + " tasks may hold up to " + mib(needed)
                    + " MiB of replicated state (" + outputsPerTask(spec, config)
                    + " kept outputs of up to 64 KiB per task), more than the " + limit + " allows; submit fewer"
                    + " tasks per job";
        }
        if (fixed + state.unfinishedReservedBytes + needed > budget) {
            return "state: unfinished jobs may already hold up to " + mib(state.unfinishedReservedBytes)
                    + " MiB of the " + limit + " and this job up to " + mib(needed)
                    + " MiB more; retry when jobs have finished";
        }
        return null;
    }

    /**
     * What a data job's elements occupy in memory beyond their JSON: 8 bytes per dataset value (a value
     * is 2 to 20 characters of JSON), an object header and UTF-16 characters per input line. Counted so
     * the budget also bounds every replica's heap, not only the snapshot.
     */
    static long dataHeapBytes(JobSpec spec) {
        DataSpec data = spec.data();
        if (data == null) {
            return 0;
        }
        long bytes = 0;
        if (data.dataset() != null) {
            bytes += 8L * data.dataset().length;
        }
        if (data.input() != null) {
            for (String line : data.input()) {
                bytes += 48 + 2L * line.length();
            }
        }
        return bytes;
    }

    /** Bytes of one map entry {@code "key":value,} in the snapshot's JSON. */
    static long entryBytes(String key, Object value) {
        return jsonBytes(value) + key.length() + 4;
    }

    static long jsonBytes(Object value) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record cannot be serialised", e);
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }
}
