package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.ShardJson;
import org.bftswarm.api.TaskJson;

/** Human-readable text for jobs: a progress line, a one-line summary, and the full result. Pure. */
public final class JobText {
    static final int MAX_OUTPUT_LINES = 20;

    private JobText() {}

    public static long tasksDone(JobJson job) {
        return job.tasks().stream().filter(t -> isTerminal(t.state())).count();
    }

    public static boolean isTerminal(String taskState) {
        return "SUCCEEDED".equals(taskState)
                || "FAILED".equals(taskState)
                || "CANCELLED".equals(taskState)
                || "DISPUTED".equals(taskState);
    }

    /** {@code job-3 RUNNING: 2/5 tasks done (RUNNING 2, PENDING 1)}. */
    public static String progress(JobJson job) {
        Map<String, Integer> byState = new TreeMap<>();
        for (TaskJson t : job.tasks()) {
            if (!isTerminal(t.state())) {
                byState.merge(t.state(), 1, Integer::sum);
            }
        }
        StringBuilder rest = new StringBuilder();
        byState.forEach((state, count) -> rest.append(rest.length() == 0 ? "" : ", ")
                .append(state)
                .append(' ')
                .append(count));
        return String.format(
                Locale.ROOT,
                "%s %s: %d/%d " + unit(job) + " done%s",
                job.id(),
                job.status(),
                tasksDone(job),
                job.tasks().size(),
                rest.length() == 0 ? "" : " (" + rest + ")");
    }

    private static String unit(JobJson job) {
        return job.carriesShards() ? "shards" : "tasks";
    }

    /** The {@code jobs} table: id, name, status, tasks done, with the id column as wide as the longest id. */
    public static String table(List<JobJson> jobs) {
        int idWidth =
                Math.max(3, jobs.stream().mapToInt(j -> j.id().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %-20s  %-9s  %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "job", "name", "status", "done"));
        for (JobJson job : jobs) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    job.id(),
                    clip(job.name(), 20),
                    job.status(),
                    tasksDone(job) + "/" + job.tasks().size()));
        }
        return out.toString();
    }

    /** The whole job: status, then every task with node, attempt, exit code and (bounded) output. */
    public static String result(JobJson job) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "job %s (%s): %s, %d/%d %s done%n",
                job.id(),
                job.name(),
                job.status(),
                tasksDone(job),
                job.tasks().size(),
                unit(job)));
        if (job.carriesShards()) {
            return out.append(dataResult(job)).toString();
        }
        for (TaskJson t : job.tasks()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  task %s  node %s  attempt %d  %s  exit %s%s%s%n",
                    t.id(),
                    t.node() == null ? "-" : t.node().toString(),
                    t.attempt(),
                    t.state(),
                    t.exitCode() == null ? "-" : t.exitCode().toString(),
                    reason(t),
                    verification(t)));
            if (t.output() != null && !t.output().isEmpty()) {
                List<String> lines = t.output().lines().toList();
                int shown = Math.min(lines.size(), MAX_OUTPUT_LINES);
                for (String line : lines.subList(0, shown)) {
                    out.append("    | ").append(line).append(System.lineSeparator());
                }
                if (shown < lines.size()) {
                    out.append(String.format(
                            Locale.ROOT, "    | … %d more lines (./bftswarm logs %s)%n", lines.size() - shown, t.id()));
                }
            }
        }
        return out.toString();
    }

    /** A data job's result line, its missing shards and, per shard, its range and result. */
    static String dataResult(JobJson job) {
        StringBuilder out = new StringBuilder();
        String label = job.status() == JobStatusJson.PARTIAL ? "partial result" : "result";
        if (job.resultError() != null) {
            out.append("  result: none (").append(job.resultError()).append(')').append(System.lineSeparator());
        } else if (job.result() != null && !job.result().isNull()) {
            out.append("  ").append(label).append(": ").append(job.result()).append(System.lineSeparator());
        }
        if (job.missingShards() != null && !job.missingShards().isEmpty()) {
            out.append("  missing shards: ").append(join(job.missingShards())).append(System.lineSeparator());
        }
        for (ShardJson s : job.shards()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  shard %d  [%d, %d)  node %s  %s%s%n",
                    s.index(),
                    s.range().get(0),
                    s.range().get(1),
                    s.node() == null ? "-" : s.node().toString(),
                    s.state(),
                    s.result() == null ? "" : "  " + clip(s.result().strip(), 60)));
        }
        return out.toString();
    }

    /** Names on {@code err} every node whose signed answer differed from the one f+1 nodes signed. */
    public static void reportDisagreements(PrintWriter err, VerifiedReads.Verdict<?> verdict) {
        verdict.disagreeing()
                .forEach((node, what) ->
                        err.printf("node %d disagreed with nodes %s: %s%n", node, join(verdict.agreeing()), what));
        err.flush();
    }

    /** {@code  verified by 0,2  disputed by 3}, or nothing when one node's report was trusted. */
    /** {@code  (oom: …)} when the agent ended the attempt (out of memory, timeout, kill), else empty. */
    static String reason(TaskJson t) {
        return t.reason() == null || t.reason().isEmpty() || t.reason().equals("exited")
                ? ""
                : "  (" + t.reason() + ")";
    }

    static String verification(TaskJson t) {
        String out = t.verifiedBy().size() > 1 ? "  verified by " + join(t.verifiedBy()) : "";
        return t.disputedBy().isEmpty() ? out : out + "  disputed by " + join(t.disputedBy());
    }

    private static String join(List<Integer> nodes) {
        return String.join(",", nodes.stream().map(String::valueOf).toList());
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
