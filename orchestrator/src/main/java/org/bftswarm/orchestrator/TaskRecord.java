package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Replicated record of one task: its state, current attempt and node, timing on batch time, and
 * the accepted result. Mutated only by {@link TaskLifecycle}; serialised field by field into the
 * snapshot (so every field here is part of the replicated state).
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

    void remember(AttemptView ended) {
        history.add(ended);
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
    }
}
