package org.bftswarm.consensus.core;

import org.bftswarm.crypto.Invariants;

/**
 * Quorum sizes of PBFT for n = 3f+1 (Castro &amp; Liskov OSDI '99 section 4.2-4.4): a pre-prepare
 * plus 2f matching prepares from backups make a request prepared; 2f+1 matching commits make it
 * committed; 2f+1 checkpoint or view-change messages make a certificate; f+1 replies convince a
 * client; f+1 view-change messages for higher views make a replica join. Subclassable only so a
 * test can build a deliberately broken core and prove the simulator's checkers catch it.
 */
public class Quorums {
    private final int n;
    private final int f;

    public Quorums(int n) {
        Invariants.check(n >= 1 && (n - 1) % 3 == 0, "n must be 3f+1, got %d", n);
        this.n = n;
        this.f = (n - 1) / 3;
    }

    public final int n() {
        return n;
    }

    public final int f() {
        return f;
    }

    /** Matching prepares from distinct backups (the primary sends none) to be prepared: 2f. */
    public int prepared() {
        return 2 * f;
    }

    /** Matching commits from distinct replicas to be committed-local: 2f+1. */
    public int committed() {
        return 2 * f + 1;
    }

    /**
     * Designated replicas (of the f+1 that {@link org.bftswarm.consensus.codec.RequestVerifiers} names)
     * whose signed vote for a batch lets a replica execute a request of it without verifying the
     * request's signature itself: all f+1, so at least one is correct.
     */
    public int requestVouchers() {
        return f + 1;
    }

    /** Matching signed checkpoints for a stable checkpoint: 2f+1. */
    public int checkpoint() {
        return 2 * f + 1;
    }

    /** View-change messages the new primary needs for NEW-VIEW: 2f+1. */
    public int newView() {
        return 2 * f + 1;
    }

    /** Replicas asking for higher views that make this replica join: f+1. */
    public int joinViewChange() {
        return f + 1;
    }

    /** Matching replies a client needs: f+1. */
    public int reply() {
        return f + 1;
    }

    public final int primary(long view) {
        return (int) (view % n);
    }
}
