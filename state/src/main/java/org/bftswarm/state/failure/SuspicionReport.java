package org.bftswarm.state.failure;

import java.util.SortedSet;

/**
 * Result of one {@link FailureDetector#evaluate} call: who is suspected now, and the transitions
 * since the previous evaluation (effects for the caller, e.g. submit a signed SuspectNode).
 */
public record SuspicionReport(
        long atMillis,
        SortedSet<Integer> suspected,
        SortedSet<Integer> newlySuspected,
        SortedSet<Integer> newlyCleared) {}
