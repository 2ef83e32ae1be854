package org.bftswarm.orchestrator;

import java.util.Comparator;

/**
 * A job whose every task is terminal, as retention sees it (a derived index entry, not replicated
 * state): its number, id, the batch time its last task ended, the bytes its records add to the
 * snapshot's JSON and the UTF-8 bytes of its tasks' kept output.
 */
record FinishedJob(long number, String id, long finishedAtMillis, long stateBytes, long outputBytes) {

    /** Age order: earliest finish first, then job number. */
    static final Comparator<FinishedJob> BY_FINISH_TIME =
            Comparator.comparingLong(FinishedJob::finishedAtMillis).thenComparingLong(FinishedJob::number);
}
