package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.Resources;

/** The {@code nodes} table: one line per node from {@code /api/v1/nodes}. Pure. */
public final class NodeText {
    private NodeText() {}

    public static String table(List<NodeJson> nodes) {
        String format = "%-4s  %-11s  %-13s  %-13s  %7s  %9s  %6s  %7s  %8s%n";
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                format,
                "node",
                "state",
                "capacity",
                "used",
                "running",
                "succeeded",
                "failed",
                "invalid",
                "disputed"));
        for (NodeJson n : nodes) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    n.id(),
                    n.quarantined() ? "QUARANTINED" : n.state(),
                    resources(n.capacity()),
                    resources(n.usage()),
                    count(n, "running_tasks"),
                    count(n, "tasks_succeeded"),
                    count(n, "tasks_failed"),
                    n.invalidEntries(),
                    n.disputedResults()));
        }
        return out.toString();
    }

    static String resources(Resources r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f cpu %d MB", r.cpus(), r.memoryMb());
    }

    private static String count(NodeJson n, String name) {
        Long v = n.counters().get(name);
        return v == null ? "-" : v.toString();
    }
}
