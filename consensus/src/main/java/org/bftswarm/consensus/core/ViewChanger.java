package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message.NewView;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;

/**
 * View change (PBFT OSDI '99 section 4.4, signature variant): on timeout a replica signs
 * VIEW-CHANGE with its stable checkpoint proof and prepared certificates; it joins when f+1
 * replicas ask for higher views; the new primary with 2f+1 view changes sends NEW-VIEW that
 * re-proposes the highest-view prepared batch of every seq in (min-s, max-s] and fills gaps with
 * null batches; every backup recomputes that choice ({@link NewViewPlan}) before accepting it.
 * The wait for NEW-VIEW starts at 2f+1 view changes and doubles with each consecutive failed view.
 */
final class ViewChanger {
    private final Replica r;
    /** Highest-view valid VIEW-CHANGE per sender (bounded by n). */
    private final TreeMap<Integer, Signed> latest = new TreeMap<>();
    /** Highest view seen in normal-case messages per sender. */
    private final TreeMap<Integer, Long> seenViews = new TreeMap<>();

    private Signed myViewChange;
    private Signed lastNewView;
    private long deadline;

    ViewChanger(Replica r) {
        this.r = r;
    }

    void start(long newView) {
        if (newView <= r.view) {
            return;
        }
        r.view = newView;
        r.failedViews++;
        enter();
    }

    /**
     * After a restart in view v &gt; 0 we cannot know whether v was installed, so ask again (its
     * primary re-sends NEW-VIEW). The primary of v itself moves on to v+1 instead: building a
     * second NEW-VIEW for v could contradict the one it signed before the crash.
     */
    void reenterAfterRestart() {
        if (r.isPrimary()) {
            r.view++;
        }
        enter();
    }

    private void enter() {
        r.inViewChange = true;
        deadline = Long.MAX_VALUE;
        r.proposed.clear();
        r.emit(new Effect.Persist(new PersistOp.SaveView(r.view)));
        List<PreparedCert> certs = new ArrayList<>();
        for (Slot s : r.log.tailMap(r.stable.seq(), false).values()) {
            if (s.prepared != null && s.prepared.body().view() < r.view && r.inWindow(s.seq)) {
                certs.add(s.prepared);
            }
        }
        myViewChange = r.sign(new ViewChange(r.view, r.stable.seq(), r.stable.digest(), r.stable.proof(), certs));
        latest.put(r.id, myViewChange);
        r.broadcast(myViewChange);
        armTimerIfQuorum();
        maybeSendNewView();
    }

    /**
     * PBFT section 4.5.2 (liveness): the wait for NEW-VIEW starts only once 2f+1 replicas ask for
     * this view or a later one, so a replica cut off from the others does not race ahead through
     * views on its own; when it expires the replica moves to the next view with a doubled wait.
     */
    void tick() {
        if (r.now >= deadline) {
            start(r.view + 1);
        }
    }

    /** Arms the NEW-VIEW wait once 2f+1 replicas (self included) ask for this view or a later one. */
    private void armTimerIfQuorum() {
        if (deadline != Long.MAX_VALUE || !r.inViewChange) {
            return;
        }
        int atOrAbove = 0;
        for (Signed s : latest.values()) {
            if (((ViewChange) s.body()).newView() >= r.view) {
                atOrAbove++;
            }
        }
        if (atOrAbove >= r.q.newView()) {
            deadline = r.now + r.currentTimeout();
        }
    }

    void retransmit() {
        if (myViewChange != null && ((ViewChange) myViewChange.body()).newView() == r.view) {
            r.broadcast(myViewChange);
        }
    }

    void noteView(int sender, long view) {
        if (view > r.view) {
            seenViews.merge(sender, view, Math::max);
        }
    }

    /** f+1 replicas already work in a higher view: move there (its primary re-sends NEW-VIEW). */
    void joinIfBehind() {
        seenViews.values().removeIf(v -> v <= r.view);
        if (seenViews.size() >= r.q.joinViewChange()) {
            start(seenViews.values().stream().min(Long::compare).orElseThrow());
        }
    }

    void onViewChange(Signed s) {
        ViewChange vc = (ViewChange) s.body();
        if (vc.newView() < r.view) {
            return;
        }
        if (vc.newView() == r.view && !r.inViewChange) {
            if (r.isPrimary() && lastNewView != null) {
                r.send(s.sender(), lastNewView);
            }
            return;
        }
        String problem = Certificates.viewChangeProblem(vc, r.q, r.cfg.checkpointInterval(), r.cfg.watermarkWindow());
        if (problem != null) {
            r.dropped(s.sender(), "view change: " + problem);
            return;
        }
        Signed prev = latest.get(s.sender());
        if (prev != null && ((ViewChange) prev.body()).newView() >= vc.newView()) {
            return;
        }
        latest.put(s.sender(), s);
        List<Long> higher = new ArrayList<>();
        for (Map.Entry<Integer, Signed> e : latest.entrySet()) {
            long v = ((ViewChange) e.getValue().body()).newView();
            if (e.getKey() != r.id && v > r.view) {
                higher.add(v);
            }
        }
        if (higher.size() >= r.q.joinViewChange()) {
            start(higher.stream().min(Long::compare).orElseThrow());
        }
        armTimerIfQuorum();
        if (r.inViewChange && vc.newView() == r.view) {
            maybeSendNewView();
        }
    }

    private List<Signed> viewChangesFor(long view) {
        List<Signed> out = new ArrayList<>();
        for (Signed s : latest.values()) {
            if (((ViewChange) s.body()).newView() == view) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<ViewChange> bodies(List<Signed> vcs) {
        List<ViewChange> out = new ArrayList<>();
        for (Signed s : vcs) {
            out.add((ViewChange) s.body());
        }
        return out;
    }

    private void maybeSendNewView() {
        if (!r.inViewChange || !r.isPrimary()) {
            return;
        }
        List<Signed> vcs = viewChangesFor(r.view);
        if (vcs.size() < r.q.newView()) {
            return;
        }
        vcs = List.copyOf(vcs.subList(0, r.q.newView()));
        NewViewPlan plan = NewViewPlan.of(bodies(vcs));
        List<Signed> pps = new ArrayList<>();
        for (Map.Entry<Long, Batch> e : plan.batches().entrySet()) {
            pps.add(r.sign(new PrePrepare(r.view, e.getKey(), e.getValue())));
        }
        Signed nv = r.sign(new NewView(r.view, vcs, pps));
        install(nv, plan);
        r.broadcast(nv);
    }

    /** True if s is one of the re-proposals of the NEW-VIEW that installed the current view. */
    boolean isReProposal(Signed s) {
        return lastNewView != null
                && ((NewView) lastNewView.body()).view() == r.view
                && ((NewView) lastNewView.body()).prePrepares().contains(s);
    }

    void onNewView(Signed s) {
        NewView nv = (NewView) s.body();
        if (nv.view() < r.view || (nv.view() == r.view && !r.inViewChange)) {
            return;
        }
        if (s.sender() != r.q.primary(nv.view())) {
            r.dropped(s.sender(), "NEW-VIEW not from the primary of view " + nv.view());
            return;
        }
        String problem = newViewProblem(s.sender(), nv);
        if (problem != null) {
            r.dropped(s.sender(), "NEW-VIEW " + nv.view() + ": " + problem);
            return;
        }
        if (nv.view() > r.view) {
            r.emit(new Effect.Persist(new PersistOp.SaveView(nv.view())));
        }
        install(s, NewViewPlan.of(bodies(nv.viewChanges())));
    }

    private String newViewProblem(int primary, NewView nv) {
        Set<Integer> senders = new HashSet<>();
        for (Signed vcs : nv.viewChanges()) {
            ViewChange vc = (ViewChange) vcs.body();
            if (vc.newView() != nv.view()) {
                return "contains a view change for view " + vc.newView();
            }
            if (!senders.add(vcs.sender())) {
                return "two view changes from " + vcs.sender();
            }
            String p = Certificates.viewChangeProblem(vc, r.q, r.cfg.checkpointInterval(), r.cfg.watermarkWindow());
            if (p != null) {
                return p;
            }
        }
        if (senders.size() < r.q.newView()) {
            return "only " + senders.size() + " view changes";
        }
        if (r.mutant == CoreMutant.NEW_VIEW_NOT_RECOMPUTED) {
            return null;
        }
        NewViewPlan plan = NewViewPlan.of(bodies(nv.viewChanges()));
        if (nv.prePrepares().size() != plan.batches().size()) {
            return "re-proposes " + nv.prePrepares().size() + " batches, expected "
                    + plan.batches().size();
        }
        int i = 0;
        for (Map.Entry<Long, Batch> e : plan.batches().entrySet()) {
            Signed pps = nv.prePrepares().get(i++);
            PrePrepare pp = (PrePrepare) pps.body();
            if (pps.sender() != primary
                    || pp.view() != nv.view()
                    || pp.seq() != e.getKey()
                    || !pp.digest().equals(e.getValue().digest())) {
                return "pre-prepare for seq " + e.getKey() + " differs from the recomputed choice";
            }
        }
        return null;
    }

    private void install(Signed nvSigned, NewViewPlan plan) {
        NewView nv = (NewView) nvSigned.body();
        r.view = nv.view();
        lastNewView = nvSigned;
        latest.values().removeIf(s -> ((ViewChange) s.body()).newView() <= r.view);
        seenViews.values().removeIf(v -> v <= r.view);
        if (plan.minS() > r.stable.seq()) {
            ViewChange src = plan.stableSource();
            r.checkpoints.onStableCertificate(src.stableSeq(), src.stableDigest(), src.checkpointProof());
        }
        for (Slot s : r.log.values()) {
            s.resetForView(r.view);
        }
        r.proposed.clear();
        for (Signed pps : nv.prePrepares()) {
            PrePrepare pp = (PrePrepare) pps.body();
            if (!r.inWindow(pp.seq())) {
                continue;
            }
            r.lastProposedTs = Math.max(r.lastProposedTs, pp.batch().timestamp());
            for (Signed req : pp.batch().requests()) {
                Request q = (Request) req.body();
                r.proposed.merge(q.clientId(), q.requestNumber(), Math::max);
            }
            Slot slot = r.slotFor(pp.seq());
            if (slot.prePrepare != null) {
                if (!slot.digest().equals(pp.digest())) {
                    r.dropped(nvSigned.sender(), "NEW-VIEW contradicts the pre-prepare accepted at seq " + pp.seq());
                }
                continue;
            }
            r.acceptPrePrepare(slot, pps);
        }
        r.nextSeq = Math.max(Math.max(plan.maxS(), plan.minS()), r.stable.seq()) + 1;
        // only now: a checkpoint installed above (or execution it allows) must not let a new primary propose
        // fresh batches at seqs that this NEW-VIEW re-proposes, or at seqs it then proposes again
        r.inViewChange = false;
        r.lastProgress = r.now;
        r.emit(new Effect.ViewInstalled(r.view));
        r.maybePropose();
    }
}
