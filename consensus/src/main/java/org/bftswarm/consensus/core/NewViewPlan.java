package org.bftswarm.consensus.core;

import java.util.List;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.ViewChange;

/**
 * The deterministic choice of NEW-VIEW (PBFT OSDI '99 section 4.4): min-s is the highest stable
 * checkpoint among the 2f+1 view changes, max-s the highest prepared seq; every seq in
 * (min-s, max-s] is re-proposed with the batch of its highest-view prepared certificate, or a
 * null batch. The new primary computes it to build NEW-VIEW; every backup recomputes it to
 * validate NEW-VIEW.
 */
public record NewViewPlan(long minS, long maxS, ViewChange stableSource, TreeMap<Long, Batch> batches) {
    private static final Batch NULL_BATCH = Batch.empty();

    public static NewViewPlan of(List<ViewChange> viewChanges) {
        ViewChange source = viewChanges.get(0);
        for (ViewChange vc : viewChanges) {
            if (vc.stableSeq() > source.stableSeq()) {
                source = vc;
            }
        }
        long minS = source.stableSeq();
        TreeMap<Long, PreparedCert> best = new TreeMap<>();
        for (ViewChange vc : viewChanges) {
            for (PreparedCert c : vc.prepared()) {
                PrePrepare pp = c.body();
                if (pp.seq() <= minS) {
                    continue;
                }
                PreparedCert cur = best.get(pp.seq());
                if (cur == null || pp.view() > cur.body().view()) {
                    best.put(pp.seq(), c);
                }
            }
        }
        long maxS = best.isEmpty() ? minS : best.lastKey();
        TreeMap<Long, Batch> batches = new TreeMap<>();
        for (long s = minS + 1; s <= maxS; s++) {
            PreparedCert c = best.get(s);
            batches.put(s, c == null ? NULL_BATCH : c.body().batch());
        }
        return new NewViewPlan(minS, maxS, source, batches);
    }
}
