package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the worker stage timers ({@code bftswarm_worker_stage_seconds}, p50 and p99 as each node's
 * Micrometer computes them) out of every node's {@code /metrics} text, for the task benchmark's
 * breakdown of where a task's time goes on its node. Parsing is pure; unknown lines are ignored.
 */
final class WorkerStageScrape {
    private static final Pattern SAMPLE = Pattern.compile("^bftswarm_worker_stage_seconds\\{([^}]*)}\\s+(\\S+)\\s*$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private WorkerStageScrape() {}

    /** stage → quantile ("0.5", "0.99") → milliseconds, from one node's metrics text. */
    static Map<String, Map<String, Long>> parse(String metricsText) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (String line : metricsText.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            Matcher l = LABEL.matcher(m.group(1));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            String stage = labels.get("stage");
            String quantile = labels.get("quantile");
            if (stage == null || quantile == null) {
                continue;
            }
            try {
                double seconds = Double.parseDouble(m.group(2));
                if (Double.isFinite(seconds)) {
                    out.computeIfAbsent(stage, k -> new TreeMap<>()).put(quantile, Math.round(seconds * 1000));
                }
            } catch (NumberFormatException e) {
                // not a number: skip the line
            }
        }
        return out;
    }

    /** One line per stage: {@code worker <stage> p50/p99 by node: 0:X/Y 1:X/Y … ms}. */
    static List<String> lines(List<Map<String, Map<String, Long>>> byNode, List<String> stageOrder) {
        List<String> out = new ArrayList<>();
        for (String stage : stageOrder) {
            StringBuilder b = new StringBuilder();
            for (int node = 0; node < byNode.size(); node++) {
                Map<String, Long> q = byNode.get(node).get(stage);
                if (q != null && q.containsKey("0.5") && q.containsKey("0.99")) {
                    b.append(String.format(Locale.ROOT, " %d:%d/%d", node, q.get("0.5"), q.get("0.99")));
                }
            }
            if (b.length() > 0) {
                out.add(String.format(Locale.ROOT, "worker %-16s p50/p99 ms by node:%s", stage, b));
            }
        }
        return out;
    }
}
