package org.bftswarm.consensus.core;

import java.util.Objects;
import org.bftswarm.crypto.Invariants;

/**
 * Exponential backoff of retransmission rounds (PBFT section 4 re-sends until a message is no
 * longer needed; this bounds how often when nothing answers): a round is due {@code base} after the
 * previous one while the replica makes progress, and the wait doubles (up to {@code base << maxLevel})
 * for every round that found the same progress mark as the round before, i.e. whose re-sends got
 * no new response. Any change of the mark resets the wait to {@code base}. Pure: time is passed in.
 */
final class RetransmitBackoff {
    private final long base;
    private final int maxLevel;
    private int level;
    private long lastRound = Long.MIN_VALUE;
    private Object markAtLastRound;

    RetransmitBackoff(long base, int maxLevel) {
        Invariants.check(base >= 1 && maxLevel >= 0 && maxLevel < 20, "backoff base %d, max level %d", base, maxLevel);
        this.base = base;
        this.maxLevel = maxLevel;
    }

    /**
     * True if a retransmission round is due at {@code now} given the current progress mark; the
     * caller then performs the round. {@code mark} must have value equality.
     */
    boolean due(long now, Object mark) {
        boolean progressed = !Objects.equals(mark, markAtLastRound);
        if (progressed) {
            level = 0;
        }
        if (lastRound != Long.MIN_VALUE && now - lastRound < currentWait()) {
            return false;
        }
        if (!progressed && lastRound != Long.MIN_VALUE) {
            level = Math.min(level + 1, maxLevel);
        }
        lastRound = now;
        markAtLastRound = mark;
        return true;
    }

    /** The wait after the last round before the next one (without new progress). */
    long currentWait() {
        return base << level;
    }
}
