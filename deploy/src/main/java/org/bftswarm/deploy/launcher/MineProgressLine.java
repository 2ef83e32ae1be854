package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.TaskJson;

/**
 * One progress line of a mine job from two successive reads: a bar of the unit space searched (the
 * fraction of an explicit range's units done, else the nonces covered against the hashes the target
 * needs on average), the cluster hash rate (nonces covered between the reads over the time between
 * them) and the open units on each node.
 */
public final class MineProgressLine {
    private static final int BAR = 30;

    private MineProgressLine() {}

    /** The line for {@code job}, given the nonces covered {@code prevCovered} {@code seconds} earlier. */
    public static String line(JobJson job, long prevCovered, double seconds) {
        JsonNode m = job.mine();
        long covered = m.path("noncesCovered").asLong();
        double fraction;
        String of;
        if (m.hasNonNull("unitCount")) {
            long total = m.get("unitCount").asLong();
            fraction = total == 0 ? 1 : (double) m.path("unitsDone").asLong() / total;
            of = m.path("unitsDone").asLong() + "/" + total + " units";
        } else {
            double expected = expectedHashes(m.path("target").asText());
            fraction = Math.min(1, covered / expected);
            of = covered + " nonces of ~" + Math.round(expected) + " expected";
        }
        int filled = (int) Math.round(fraction * BAR);
        double rate = seconds > 0 ? (covered - prevCovered) / seconds : 0;
        return String.format(
                "[%s%s] %3.0f%% %s | %s H/s | units per node %s | %s",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                fraction * 100,
                of,
                Math.round(rate),
                unitsPerNode(job),
                job.status());
    }

    /** Open units by node, e.g. {@code {0=2, 1=2}}. */
    static Map<Integer, Integer> unitsPerNode(JobJson job) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (TaskJson t : job.tasks()) {
            if (t.node() != null && ("RUNNING".equals(t.state()) || "ASSIGNED".equals(t.state()))) {
                out.merge(t.node(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** 2^256 / (target + 1) for a target of 64 hex digits. */
    static double expectedHashes(String targetHex) {
        return Math.pow(2, 256) / (new BigInteger(targetHex, 16).doubleValue() + 1);
    }
}
