package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Replicated record of one task: its state, the runs of its current verification round (at most one
 * per node), the reports ordered in that round, timing on batch time, and the accepted result with the
 * nodes whose reports matched it and those whose reports did not. {@code attempt}, {@code node},
 * {@code containerId} and the assigned/started times describe the most recent run. Mutated only by
 * {@link TaskLifecycle}; serialised field by field into the snapshot (so every field here is part of
 * the replicated state).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class TaskRecord {

    /** Placement and queue order: older jobs first, then task index. */
    static final Comparator<TaskRecord> QUEUE_ORDER =
            Comparator.comparingLong((TaskRecord t) -> t.jobNumber).thenComparingInt(t -> t.index);

    /** Retry order: earliest retry time first, then queue order. */
    static final Comparator<TaskRecord> RETRY_ORDER =
            Comparator.comparingLong((TaskRecord t) -> t.retryAtMillis).thenComparing(QUEUE_ORDER);

    /** How many ended attempts a task remembers. */
    static final int MAX_HISTORY = 16;

    String id;
    String jobId;
    long jobNumber;
    int index;
    TaskState state;
    int attempt;
    Integer node;
    String containerId;
    int failures;
    Long assignedAtMillis;
    Long startedAtMillis;
    Long retryAtMillis;
    Long finishedAtMillis;
    Integer exitCode;
    String outputDigest;
    String output;
    boolean outputTruncated;
    String reason;
    List<AttemptView> history = new ArrayList<>();
    /** Runs of the current round in flight, by node. */
    TreeMap<Integer, RunRecord> runs = new TreeMap<>();
    /** Reports of the current round, in the order they were ordered. */
    List<ResultVote> votes = new ArrayList<>();
    /** Runs of the current round that ended without a report (timed out). */
    int lostRuns;
    /** Nodes that had a run in the current round: a replicated task never runs twice on one node. */
    TreeSet<Integer> triedNodes = new TreeSet<>();
    /** Nodes whose reports matched the accepted result. */
    TreeSet<Integer> verifiedBy = new TreeSet<>();
    /** Nodes whose reports in the accepting round differed from the accepted result. */
    TreeSet<Integer> disputedBy = new TreeSet<>();

    private TaskRecord() {}

    static TaskRecord pending(String id, String jobId, long jobNumber, int index) {
        TaskRecord task = new TaskRecord();
        task.id = id;
        task.jobId = jobId;
        task.jobNumber = jobNumber;
        task.index = index;
        task.state = TaskState.PENDING;
        return task;
    }

    /** The reported result keys of the current round, in order. */
    List<String> voteKeys() {
        return votes.stream().map(ResultVote::key).toList();
    }

    boolean anyRunStarted() {
        return runs.values().stream().anyMatch(RunRecord::started);
    }

    void remember(AttemptView ended) {
        history.add(ended);
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
    }
}
