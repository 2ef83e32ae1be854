package org.bftswarm.worker;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of one task attempt on a node (reassignment creates a new attempt
 * number, and results of stale attempts are ignored). Ordered by task id, then attempt, so sets of
 * keys iterate deterministically.
 */
public record AttemptKey(String taskId, int attempt) implements Comparable<AttemptKey> {
    private static final Comparator<AttemptKey> ORDER =
            Comparator.comparing(AttemptKey::taskId).thenComparingInt(AttemptKey::attempt);

    public AttemptKey {
        Objects.requireNonNull(taskId, "taskId");
        if (taskId.isEmpty()) {
            throw new IllegalArgumentException("taskId must not be empty");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, got " + attempt);
        }
    }

    @Override
    public int compareTo(AttemptKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return taskId + "#" + attempt;
    }
}
