package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;

/** Renders {@link NodeRow}s as the aligned text table of {@code up} and {@code status}. Pure. */
public final class NodeTable {
    private NodeTable() {}

    public static String render(List<NodeRow> rows) {
        int urlWidth = Math.max("api".length(), rows.stream().mapToInt(r -> r.apiUrl().length()).max().orElse(0));
        String format = "%-4s  %-8s  %-" + urlWidth + "s  %-7s  %8s  %4s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "node", "pid", "api", "state", "executed", "view"));
        for (NodeRow r : rows) {
            out.append(String.format(Locale.ROOT, format, r.id(), r.pid() == null ? "-" : r.pid().toString(),
                    r.apiUrl(), r.state(), r.lastExecuted() == null ? "-" : r.lastExecuted().toString(),
                    r.view() == null ? "-" : r.view().toString()));
        }
        return out.toString();
    }
}
