package org.bftswarm.deploy.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConsensusSettings;
import org.bftswarm.node.config.ResolvedNode;

/**
 * The one-screen summary of a valid configuration printed by {@code config validate}: swarm, n,
 * f = ⌊(n−1)/3⌋, the quorum (2f+1 when n = 3f+1), timers, and a port table (the first {@value #MAX_ROWS} nodes unless
 * all are asked for). Pure text formatting.
 */
public final class ConfigSummary {
    static final int MAX_ROWS = 12;

    private ConfigSummary() {}

    public static String render(String source, ClusterConfig c, boolean allNodes) {
        StringBuilder out = new StringBuilder();
        line(out, "%s: valid", source);
        line(out, "  swarm      %s", c.swarm());
        String quorumRule = c.n() == 3 * c.f() + 1 ? "2f+1" : "⌈(n+f+1)/2⌉, as n ≠ 3f+1";
        line(
                out,
                "  nodes      n = %d, f = %d (tolerates %d faulty %s), quorum %d (%s)",
                c.n(),
                c.f(),
                c.f(),
                c.f() == 1 ? "node" : "nodes",
                c.quorum(),
                quorumRule);
        ConsensusSettings k = c.consensus();
        line(
                out,
                "  consensus  batches of up to %d requests or %d ms, checkpoint every %d, window %d,"
                        + " request timeout %d ms",
                k.batchMaxSize(),
                k.batchMaxDelayMs(),
                k.checkpointInterval(),
                k.watermarkWindow(),
                k.requestTimeoutMs());
        line(
                out,
                "  heartbeat  every %d ms, suspect after %d ms",
                c.heartbeat().periodMs(),
                c.heartbeat().suspicionTimeoutMs());
        line(
                out,
                "  capacity   %d CPUs, %d MB per node%s",
                c.capacity().cpus(),
                c.capacity().memoryMb(),
                c.labels().isEmpty() ? "" : "; labels " + labels(c.labels()));
        line(out, "  data       %s (cleanup %s)", c.dataDir(), c.cleanup() ? "on" : "off");
        if (c.testing().allowByzantine()) {
            line(out, "  testing    Byzantine behaviours ALLOWED (testing.allowByzantine: true)");
        }
        line(out, "");
        line(out, "  %-4s  %-15s  %5s  %5s  %9s  %5s", "node", "host", "http", "ws", "consensus", "state");
        List<ResolvedNode> nodes = c.nodes();
        int shown = allNodes ? nodes.size() : Math.min(nodes.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            ResolvedNode node = nodes.get(i);
            line(
                    out,
                    "  %-4d  %-15s  %5d  %5d  %9d  %5d",
                    node.id(),
                    node.host(),
                    node.httpPort(),
                    node.wsPort(),
                    node.consensusPort(),
                    node.statePort());
        }
        if (shown < nodes.size()) {
            line(out, "  … %d more nodes (--all-nodes lists them)", nodes.size() - shown);
        }
        return out.toString();
    }

    /** The loud banner printed on stderr when the configuration tolerates no fault at all. */
    public static String noFaultToleranceBanner(ClusterConfig c) {
        String rule = "!".repeat(78);
        return rule + System.lineSeparator()
                + String.format(
                        Locale.ROOT,
                        "!!  WARNING: n = %d, so f = 0: NO fault tolerance. One crashed or lying node%n",
                        c.n())
                + "!!  stops or subverts this cluster. Use nodes.count: 4 (or more) for f = 1." + System.lineSeparator()
                + rule + System.lineSeparator();
    }

    private static String labels(Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        labels.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ")
                .append(k)
                .append('=')
                .append(v));
        return text.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
