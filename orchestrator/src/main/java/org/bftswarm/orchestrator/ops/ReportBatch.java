package org.bftswarm.orchestrator.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several worker reports ordered as one operation, so a node's starts and finishes share one
 * consensus round instead of queueing one behind another. The scheduler applies every
 * {@code started} report, then every {@code finished} one, each exactly as if it had been ordered
 * alone (same authorisation and stale-attempt checks); a report that is refused changes nothing and
 * does not affect the others. At most {@link #MAX_REPORTS} reports in all.
 */
public record ReportBatch(List<TaskStarted> started, List<TaskFinished> finished) implements Operation {

    /** Upper bound on started + finished reports in one batch. */
    public static final int MAX_REPORTS = 64;

    public ReportBatch {
        started = started == null ? null : Collections.unmodifiableList(new ArrayList<>(started));
        finished = finished == null ? null : Collections.unmodifiableList(new ArrayList<>(finished));
    }

    /** Number of reports carried. */
    public int size() {
        return (started == null ? 0 : started.size()) + (finished == null ? 0 : finished.size());
    }
}
