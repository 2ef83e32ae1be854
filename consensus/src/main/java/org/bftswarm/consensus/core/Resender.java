package org.bftswarm.consensus.core;

import org.bftswarm.consensus.codec.Message.Fetch;
import org.bftswarm.consensus.codec.Signed;

/**
 * Retransmission (PBFT section 4: messages may be lost, so a replica re-sends what it signed until
 * it is no longer needed): uncommitted slots of the current view, the own VIEW-CHANGE, checkpoints,
 * and FETCH for the next unexecuted seq, every retransmitIntervalMs while the replica makes
 * progress, backing off exponentially (up to {@link #MAX_BACKOFF_LEVEL} doublings) while rounds get
 * no new response ({@link RetransmitBackoff}). Copies are byte-identical (Ed25519 is deterministic)
 * and every handler is idempotent for them.
 */
final class Resender {
    /** Re-sends that change nothing slow down to one every 16 retransmission intervals. */
    static final int MAX_BACKOFF_LEVEL = 4;
    /** Unanswered rounds re-sent at the full rate before backing off (losses are often brief). */
    static final int BACKOFF_GRACE_ROUNDS = 2;

    private final Replica r;
    private Signed lastFetch;
    private RetransmitBackoff backoff;

    /** What counts as progress, i.e. a new response to earlier re-sends. */
    private record ProgressMark(
            long view,
            boolean inViewChange,
            long lastExecuted,
            long stableSeq,
            long maxSeenSeq,
            long transferTarget,
            int transferReceived,
            int agreementMessages) {}

    Resender(Replica r) {
        this.r = r;
    }

    /** The current wait between retransmission rounds (for tests and status). */
    long currentWait() {
        return backoff == null ? r.cfg.retransmitIntervalMs() : backoff.currentWait();
    }

    /** Pre-prepares, prepares and commits held for unexecuted slots: grows with every new one received. */
    private int agreementMessages() {
        int count = 0;
        for (Slot s : r.log.tailMap(r.lastExecuted, false).values()) {
            count += (s.prePrepare == null ? 0 : 1) + s.prepares.size() + s.commits.size();
        }
        return count;
    }

    /** Called every retransmitIntervalMs; re-sends unless backed off. */
    void retransmit() {
        if (backoff == null) {
            backoff = new RetransmitBackoff(r.cfg.retransmitIntervalMs(), BACKOFF_GRACE_ROUNDS, MAX_BACKOFF_LEVEL);
        }
        ProgressMark mark = new ProgressMark(
                r.view,
                r.inViewChange,
                r.lastExecuted,
                r.stable.seq(),
                r.maxSeenSeq,
                r.checkpoints.transferTarget(),
                r.checkpoints.transferReceived(),
                agreementMessages());
        if (!backoff.due(r.now, mark)) {
            r.viewChanger.joinIfBehind();
            return;
        }
        if (r.inViewChange) {
            r.viewChanger.retransmit();
        } else {
            for (Slot s : r.log.tailMap(r.lastExecuted, false).values()) {
                if (s.committed() || s.view != r.view || r.now - s.lastSentMillis < r.cfg.retransmitIntervalMs()) {
                    continue;
                }
                s.lastSentMillis = r.now;
                if (r.isPrimary() && s.prePrepare != null) {
                    r.broadcast(s.prePrepare);
                }
                if (s.myPrepare != null) {
                    r.broadcast(s.myPrepare);
                }
                if (s.myCommit != null) {
                    r.broadcast(s.myCommit);
                }
            }
        }
        r.viewChanger.joinIfBehind();
        r.checkpoints.retransmit();
        Slot next = r.log.get(r.lastExecuted + 1);
        if (r.maxSeenSeq > r.lastExecuted && !r.checkpoints.transferring() && (next == null || !next.committed())) {
            if (lastFetch == null || ((Fetch) lastFetch.body()).seq() != r.lastExecuted + 1) {
                lastFetch = r.sign(new Fetch(r.lastExecuted + 1));
            }
            r.broadcast(lastFetch);
        }
    }
}
