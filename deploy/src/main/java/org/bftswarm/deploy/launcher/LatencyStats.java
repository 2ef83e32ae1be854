package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bftswarm.crypto.Invariants;

/** Nearest-rank percentiles of a set of latency samples (milliseconds). Pure. */
public final class LatencyStats {
    private final List<Long> sorted;

    public LatencyStats(List<Long> samplesMs) {
        List<Long> copy = new ArrayList<>(samplesMs);
        Collections.sort(copy);
        this.sorted = List.copyOf(copy);
    }

    public int count() {
        return sorted.size();
    }

    /** The smallest sample with at least p% of the samples at or below it; 0 when there are none. */
    public long percentile(double p) {
        Invariants.check(p > 0 && p <= 100, "percentile %s out of (0, 100]", p);
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
