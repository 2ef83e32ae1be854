package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the task benchmark's time goes: per-task stage durations (milliseconds, from the client's
 * arrival times of the 202 and of the ASSIGNED, RUNNING and terminal events) collected across clients,
 * summarised as nearest-rank p50/p99 per stage in a fixed order. Thread-safe; pure apart from the lock.
 */
final class BenchStages {
    /** The stages, in the order a task goes through them. */
    static final List<String> ORDER =
            List.of("submit->202", "submit->assigned", "assigned->running", "running->done", "submit->done");

    private final Map<String, List<Long>> samples = new TreeMap<>();

    /** Records one stage of one task; negative durations (events racing the reply) count as 0. */
    synchronized void add(String stage, long fromNanos, long toNanos) {
        if (!ORDER.contains(stage)) {
            throw new IllegalArgumentException("unknown stage " + stage);
        }
        if (fromNanos == 0 || toNanos == 0) {
            return;
        }
        samples.computeIfAbsent(stage, k -> new ArrayList<>()).add(Math.max(0, (toNanos - fromNanos) / 1_000_000));
    }

    /** One line per stage with samples: {@code stage <name> p50 X ms p99 Y ms (N samples)}. */
    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String stage : ORDER) {
            List<Long> s = samples.get(stage);
            if (s != null) {
                LatencyStats stats = new LatencyStats(s);
                out.add(String.format(
                        Locale.ROOT,
                        "stage %-18s p50 %5d ms  p99 %5d ms  (%d samples)",
                        stage,
                        stats.percentile(50),
                        stats.percentile(99),
                        stats.count()));
            }
        }
        return out;
    }
}
