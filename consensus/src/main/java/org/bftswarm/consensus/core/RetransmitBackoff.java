package org.bftswarm.consensus.core;

import java.util.Objects;
import org.bftswarm.crypto.Invariants;

/**
 * Exponential backoff of retransmission rounds (PBFT section 4 re-sends until a message is no
 * longer needed; this bounds how often when nothing answers): a round is due {@code base} after the
 * previous one while the replica makes progress; after {@code graceRounds} rounds in a row that
 * found the same progress mark as the round before (whose re-sends got no new response), the wait
 * doubles with every further such round, up to {@code base << maxLevel}. Any change of the mark
 * resets the wait to {@code base}. Pure: time is passed in.
 */
final class RetransmitBackoff {
    private final long base;
    private final int graceRounds;
    private final int maxLevel;
    private int unanswered;
    private int level;
    private long lastRound = Long.MIN_VALUE;
    private Object markAtLastRound;

    RetransmitBackoff(long base, int graceRounds, int maxLevel) {
        Invariants.check(
                base >= 1 && graceRounds >= 0 && maxLevel >= 0 && maxLevel < 20,
                "backoff base %d, grace %d, max level %d",
                base,
                graceRounds,
                maxLevel);
        this.base = base;
        this.graceRounds = graceRounds;
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
            unanswered = 0;
        }
        if (lastRound != Long.MIN_VALUE && now - lastRound < currentWait()) {
            return false;
        }
        if (!progressed && lastRound != Long.MIN_VALUE) {
            unanswered++;
            level = Math.min(Math.max(0, unanswered - graceRounds), maxLevel);
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
