package org.bftswarm.consensus.core;

import org.bftswarm.consensus.codec.RequestVerifiers;
import org.bftswarm.crypto.Invariants;

/**
 * Quorum sizes of PBFT (Castro &amp; Liskov OSDI '99 section 4.2-4.4) for n replicas tolerating
 * f = (n-1)/3 faults: a certificate needs q = ceil((n+f+1)/2) replicas, the smallest size for which
 * any two certificates share f+1 replicas (so a correct one); q = 2f+1 when n = 3f+1, the case the
 * papers describe. A pre-prepare plus q-1 matching prepares from backups make a request prepared;
 * q matching commits make it committed; q checkpoint or view-change messages make a certificate;
 * f+1 replies convince a client; f+1 view-change messages for higher views make a replica join.
 * Subclassable only so a test can build a deliberately broken core and prove the simulator's
 * checkers catch it.
 */
public class Quorums {
    private final int n;
    private final int f;
    private final int q;

    public Quorums(int n) {
        Invariants.check(n >= 1, "n must be at least 1, got %d", n);
        this.n = n;
        this.f = faultsTolerated(n);
        this.q = (n + f + 2) / 2;
    }

    /** Faults a cluster of {@code n} voters tolerates: f = floor((n-1)/3). */
    public static int faultsTolerated(int n) {
        return (n - 1) / 3;
    }

    /** The primary of {@code view} among {@code n} replicas: view mod n. */
    public static int primaryOf(long view, int n) {
        return (int) Math.floorMod(view, (long) n);
    }

    /** Certificate size ceil((n+f+1)/2); 2f+1 when n = 3f+1. */
    public final int certificate() {
        return q;
    }

    public final int n() {
        return n;
    }

    public final int f() {
        return f;
    }

    /** Matching prepares from distinct backups (the primary sends none) to be prepared: q-1 (2f). */
    public int prepared() {
        return q - 1;
    }

    /** Matching commits from distinct replicas to be committed-local: q (2f+1). */
    public int committed() {
        return q;
    }

    /**
     * Designated replicas (of the f+1 that {@link RequestVerifiers} names)
     * whose signed vote for a batch lets a replica execute a request of it without verifying the
     * request's signature itself: all f+1, so at least one is correct.
     */
    public int requestVouchers() {
        return f + 1;
    }

    /** Matching signed checkpoints for a stable checkpoint: q (2f+1). */
    public int checkpoint() {
        return q;
    }

    /** View-change messages the new primary needs for NEW-VIEW: q (2f+1). */
    public int newView() {
        return q;
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
        return primaryOf(view, n);
    }
}
