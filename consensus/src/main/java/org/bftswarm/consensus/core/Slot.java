package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * One sequence number's agreement state in the current view (PBFT section 4.2): the accepted
 * pre-prepare, prepares and commits by sender, and the predicates prepared / committed-local.
 * The highest-view prepared certificate and the committed certificate survive view changes.
 */
final class Slot {
    final long seq;
    long view;
    Signed prePrepare;
    Signed myPrepare;
    Signed myCommit;
    final TreeMap<Integer, Signed> prepares = new TreeMap<>();
    final TreeMap<Integer, Signed> commits = new TreeMap<>();
    PreparedCert prepared;
    boolean preparedInView;
    /** Pre-prepare + 2f+1 commits, once committed (any view); served to lagging replicas. */
    Message.CommitProof commitProof;

    long lastSentMillis;
    /**
     * This view's pre-prepare when it came as a fresh proposal (not a NEW-VIEW re-proposal) that this
     * replica's verifier checked as a top-level message, or that this replica proposed; only then do
     * this view's votes for it vouch for its requests (RequestAuthenticity). Not persisted.
     */
    Signed freshPrePrepare;
    /** Whether this replica proposed {@link #freshPrePrepare} itself, from requests it verified. */
    boolean proposedHere;

    Slot(long seq, long view) {
        this.seq = seq;
        this.view = view;
    }

    static Slot fromRecord(long seq, SlotRecord r) {
        Slot s = new Slot(seq, r.view());
        s.prePrepare = r.prePrepare();
        s.myPrepare = r.myPrepare();
        s.myCommit = r.myCommit();
        s.prepared = r.prepared();
        if (s.myPrepare != null) {
            s.prepares.put(s.myPrepare.sender(), s.myPrepare);
        }
        if (s.myCommit != null) {
            s.commits.put(s.myCommit.sender(), s.myCommit);
        }
        s.preparedInView = s.prepared != null && s.prepared.body().view() == s.view;
        return s;
    }

    SlotRecord toRecord() {
        return new SlotRecord(view, prePrepare, myPrepare, myCommit, prepared);
    }

    /** Moves to a new view: per-view votes are dropped, certificates kept. */
    void resetForView(long newView) {
        if (newView == view) {
            return;
        }
        view = newView;
        prePrepare = null;
        freshPrePrepare = null;
        proposedHere = false;
        myPrepare = null;
        myCommit = null;
        prepares.clear();
        commits.clear();
        preparedInView = false;
    }

    boolean committed() {
        return commitProof != null;
    }

    Batch batch() {
        return prePrepare == null ? null : ((PrePrepare) prePrepare.body()).batch();
    }

    Digest digest() {
        return prePrepare == null ? null : ((PrePrepare) prePrepare.body()).digest();
    }

    /** Prepares matching the pre-prepare's digest from backups of this view. */
    List<Signed> matchingPrepares(int primary) {
        List<Signed> out = new ArrayList<>();
        Digest d = digest();
        for (Map.Entry<Integer, Signed> e : prepares.entrySet()) {
            Message.Prepare p = (Message.Prepare) e.getValue().body();
            if (e.getKey() != primary && p.view() == view && p.digest().equals(d)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    List<Signed> matchingCommits() {
        List<Signed> out = new ArrayList<>();
        Digest d = digest();
        for (Signed s : commits.values()) {
            Message.Commit c = (Message.Commit) s.body();
            if (c.view() == view && c.digest().equals(d)) {
                out.add(s);
            }
        }
        return out;
    }
}
