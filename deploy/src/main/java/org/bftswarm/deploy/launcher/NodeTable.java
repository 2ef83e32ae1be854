package org.bftswarm.deploy.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bftswarm.api.NodeJson;

/**
 * Renders {@link NodeRow}s as the aligned text table of {@code up} and {@code status}, followed by one
 * line per node that reported its gossip mode: mode, heartbeat interval and the reason; and a line per
 * node that has mined: hashes tried and its hash rate while hashing. Pure.
 */
public final class NodeTable {
    private NodeTable() {}

    public static String render(List<NodeRow> rows) {
        int urlWidth = Math.max(
                "api".length(),
                rows.stream().mapToInt(r -> r.apiUrl().length()).max().orElse(0));
        boolean soft = rows.stream().anyMatch(r -> r.soft() != null);
        String format = "%-4s  %-8s  %-" + urlWidth + "s  %-7s  %8s  %4s"
                + (soft ? "  %-12s  %9s  %7s  %9s  %6s  %7s  %8s" : "") + "%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                format,
                soft
                        ? new Object[] {
                            "node",
                            "pid",
                            "api",
                            "state",
                            "executed",
                            "view",
                            "sched",
                            "heartbeat",
                            "running",
                            "succeeded",
                            "failed",
                            "invalid",
                            "disputed"
                        }
                        : new Object[] {"node", "pid", "api", "state", "executed", "view"}));
        for (NodeRow r : rows) {
            Object[] base = {
                r.id(),
                r.pid() == null ? "-" : r.pid().toString(),
                r.apiUrl(),
                r.state(),
                dash(r.lastExecuted()),
                dash(r.view())
            };
            if (!soft) {
                out.append(String.format(Locale.ROOT, format, base));
                continue;
            }
            NodeRow.Soft s = r.soft();
            Object[] all = Arrays.copyOf(base, 13);
            all[6] = s == null || s.scheduled() == null ? "-" : s.scheduled();
            all[7] = s == null ? "-" : dash(s.heartbeat());
            all[8] = s == null ? "-" : dash(s.running());
            all[9] = s == null ? "-" : dash(s.succeeded());
            all[10] = s == null ? "-" : dash(s.failed());
            all[11] = s == null ? "-" : Long.toString(s.invalid());
            all[12] = s == null ? "-" : Long.toString(s.disputed());
            out.append(String.format(Locale.ROOT, format, all));
        }
        for (NodeRow r : rows) {
            NodeJson.Gossip g = r.soft() == null ? null : r.soft().gossip();
            if (g != null && g.mode() != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "node %d gossip: %s, heartbeat every %d ms (%s)%n",
                        r.id(),
                        g.mode(),
                        g.intervalMs(),
                        g.reason()));
            }
        }
        for (NodeRow r : rows) {
            NodeRow.Soft s = r.soft();
            if (s != null && s.minedHashes() != null && s.minedHashes() > 0) {
                long millis = s.miningMillis() == null ? 0 : s.miningMillis();
                out.append(String.format(
                        Locale.ROOT,
                        "node %d mining: %d hashes tried%s%n",
                        r.id(),
                        s.minedHashes(),
                        millis <= 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        ", %.2f MH/s while hashing",
                                        s.minedHashes() / (millis * 1000.0))));
            }
        }
        return out.toString();
    }

    private static String dash(Long v) {
        return v == null ? "-" : v.toString();
    }
}
