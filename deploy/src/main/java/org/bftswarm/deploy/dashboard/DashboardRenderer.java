package org.bftswarm.deploy.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.JobText;
import org.bftswarm.deploy.launcher.NodeRow;
import org.bftswarm.deploy.launcher.NodeTable;

/**
 * Turns a {@link DashboardSnapshot} into the lines of one screen of {@code width} x {@code height}:
 * a title line (swarm, n, f, view, primary, time), the node table (narrowed to fit), the jobs newest first (by
 * submission time, then id) cut into pages that fill the room left, the most recent events, and a
 * key help line. Every line is at most {@code width} characters and there are at most {@code height}
 * lines. Pure, so it is tested without a terminal and also prints the {@code --once} frame.
 */
public final class DashboardRenderer {
    static final int MIN_JOB_ROWS = 3;
    static final int MAX_EVENT_ROWS = 8;

    private DashboardRenderer() {}

    /** The jobs newest first. */
    static List<JobJson> newestFirst(List<JobJson> jobs) {
        List<JobJson> sorted = new ArrayList<>(jobs);
        sorted.sort(Comparator.comparing((JobJson j) -> j.submittedAt() == null ? Long.MIN_VALUE : j.submittedAt())
                .thenComparing(JobJson::id)
                .reversed());
        return sorted;
    }

    /** The layout of one screen: how many job rows and event rows fit. */
    record Layout(int jobRows, int eventRows) {}

    /**
     * The node table: the full {@code status} table when it fits in {@code width}, else a narrow one
     * without pid, URL and gossip (process, last executed sequence, view, scheduler state,
     * running / succeeded / failed tasks, invalid entries and disputed results per node; 80 columns).
     */
    static List<String> nodeLines(ClusterStatus st, int width) {
        List<String> full = NodeTable.render(st.nodes()).lines().toList();
        if (full.stream().mapToInt(String::length).max().orElse(0) <= width) {
            return full;
        }
        String format = "%-4s  %-7s  %7s  %4s  %-11s  %3s  %5s  %6s  %7s  %8s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                format,
                "node",
                "state",
                "seq",
                "view",
                "sched",
                "run",
                "ok",
                "failed",
                "invalid",
                "disputed"));
        for (NodeRow row : st.nodes()) {
            NodeRow.Soft soft = row.soft();
            lines.add(String.format(
                    Locale.ROOT,
                    format,
                    row.id(),
                    row.state(),
                    dash(row.lastExecuted()),
                    dash(row.view()),
                    soft == null ? "-" : soft.scheduled(),
                    soft == null ? "-" : dash(soft.running()),
                    soft == null ? "-" : dash(soft.succeeded()),
                    soft == null ? "-" : dash(soft.failed()),
                    soft == null ? "-" : Long.toString(soft.invalid()),
                    soft == null ? "-" : Long.toString(soft.disputed())));
        }
        return lines;
    }

    private static String dash(Long v) {
        return v == null ? "-" : v.toString();
    }

    static Layout layout(DashboardSnapshot s, int width, int height) {
        int nodeLines = nodeLines(s.status(), width).size();
        // title, blank, nodes, energy, blank, jobs title, jobs header, (rows), blank, events title, (events), help
        int fixed = 2 + nodeLines + 1 + 3 + 2 + 1;
        int room = Math.max(0, height - fixed);
        int events = Math.min(Math.min(MAX_EVENT_ROWS, s.events().size()), Math.max(0, room - MIN_JOB_ROWS));
        events = Math.max(events, Math.min(1, room - 1));
        int jobs = Math.max(1, room - events);
        return new Layout(jobs, Math.max(0, events));
    }

    /** How many pages the jobs take at this height. */
    public static int pages(DashboardSnapshot s, int width, int height) {
        int rows = layout(s, width, height).jobRows();
        return Math.max(1, (s.jobs().size() + rows - 1) / rows);
    }

    /** The lines of page {@code page} (0-based, clamped to the pages there are). */
    public static List<String> render(DashboardSnapshot s, int width, int height, int page) {
        Layout layout = layout(s, width, height);
        int pages = pages(s, width, height);
        int shownPage = Math.max(0, Math.min(page, pages - 1));
        List<String> lines = new ArrayList<>();
        ClusterStatus st = s.status();
        String title = String.format(
                Locale.ROOT,
                "bftswarm %s: n = %d, f = %d, view %s, primary %s",
                st.swarm(),
                st.n(),
                st.f(),
                st.view() == null ? "unknown" : st.view().toString(),
                st.primary() == null ? "unknown" : "node " + st.primary());
        lines.add(rightAligned(title, s.clock(), width));
        lines.add("");
        lines.addAll(nodeLines(st, width));
        lines.add(energyLine(s));
        lines.add("");
        List<JobJson> jobs = newestFirst(s.jobs());
        String source = s.jobsFrom() == null ? "" : ", as node " + s.jobsFrom() + " reports them";
        lines.add(String.format(
                Locale.ROOT, "jobs: %d, newest first, page %d/%d%s", jobs.size(), shownPage + 1, pages, source));
        if (s.jobsProblem() != null) {
            lines.add("  " + s.jobsProblem().lines().findFirst().orElse(""));
        } else {
            int from = shownPage * layout.jobRows();
            List<JobJson> slice =
                    jobs.subList(Math.min(from, jobs.size()), Math.min(from + layout.jobRows(), jobs.size()));
            List<String> table = JobText.table(slice).lines().toList();
            lines.addAll(table);
        }
        lines.add("");
        if (layout.eventRows() > 0) {
            lines.add("recent events");
            List<String> events = s.events();
            int start = Math.max(0, events.size() - layout.eventRows());
            for (String event : events.subList(start, events.size())) {
                lines.add("  " + event);
            }
            if (events.isEmpty()) {
                lines.add(s.live() ? "  (none yet)" : "  (streamed in the live view: ./bftswarm dashboard)");
            }
        }
        List<String> clipped = new ArrayList<>();
        for (String line : lines) {
            if (clipped.size() >= height - 1) {
                break;
            }
            clipped.add(clip(line, width));
        }
        clipped.add(clip("q quit   n / p next / previous page of jobs", width));
        return clipped;
    }

    private static final String SPARKS = "▁▂▃▄▅▆▇█";

    /** The green line: cluster power, energy, carbon and rating, and a sparkline of recent power. */
    static String energyLine(DashboardSnapshot s) {
        EnergyJson e = s.energy();
        if (e == null) {
            return "energy: no node answers /api/v1/energy";
        }
        EnergyJson.Cluster c = e.cluster();
        return String.format(
                Locale.ROOT,
                "energy: %.2f W now, %.3f Wh, %.3f g CO2 at %.0f g/kWh, rating %s  %s",
                c.powerWatts(),
                c.energyKwh() * 1000,
                c.carbonGrams(),
                e.carbonIntensityGco2PerKwh(),
                c.rating() == null ? "-" : c.rating(),
                sparkline(s.powerHistory()));
    }

    /** One block character per value, scaled to the largest. */
    static String sparkline(List<Double> values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            int i = max <= 0 ? 0 : (int) Math.round(v / max * (SPARKS.length() - 1));
            b.append(SPARKS.charAt(Math.max(0, Math.min(SPARKS.length() - 1, i))));
        }
        return b.toString();
    }

    private static String rightAligned(String left, String right, int width) {
        int gap = width - left.length() - right.length();
        return gap >= 2 ? left + " ".repeat(gap) + right : left + "  " + right;
    }

    static String clip(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
    }
}
