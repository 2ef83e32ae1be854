package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.TaskJson;

/**
 * How fast a quiet cluster wakes up: on a running cluster, per round, waits until every node reports
 * itself {@code conservative} (nothing submitted for a while, slow heartbeats and Ticks), times one
 * one-task job's submit → RUNNING (its task event on the first node's event stream, arrival time;
 * polling as a fallback), then starts a long background job so that every node is {@code normal}
 * and times the same job again on the busy cluster, and cancels the background job. Idle and busy
 * samples alternate in one run, so the machine's load affects both alike. The result's line is
 * {@code BENCH wake nodes=N idle_p50_ms=X busy_p50_ms=Y delta_ms=X-Y rounds=R}.
 */
public final class WakeBench {
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long FALLBACK_POLL_MILLIS = 250;

    /** Submit → RUNNING samples (ms) on the quiet and on the busy cluster, one of each per round. */
    public record Result(int nodes, List<Long> idleMs, List<Long> busyMs) {
        public Result {
            idleMs = List.copyOf(idleMs);
            busyMs = List.copyOf(busyMs);
        }

        public String line() {
            long idle = new LatencyStats(idleMs).percentile(50);
            long busy = new LatencyStats(busyMs).percentile(50);
            return String.format(
                    Locale.ROOT,
                    "BENCH wake nodes=%d idle_p50_ms=%d busy_p50_ms=%d delta_ms=%d rounds=%d",
                    nodes,
                    idle,
                    busy,
                    idle - busy,
                    Math.min(idleMs.size(), busyMs.size()));
        }
    }

    private final ClusterTarget target;
    private final PrintWriter out;
    private final String image;
    private final Map<String, CompletableFuture<Long>> runningAt = new ConcurrentHashMap<>();

    public WakeBench(ClusterTarget target, PrintWriter out, String image) {
        this.target = target;
        this.out = out;
        this.image = image;
    }

    /** Runs {@code rounds} idle/busy pairs; empty when the cluster never became quiet. */
    public Optional<Result> run(int rounds) throws Exception {
        ApiClient api = new ApiClient(
                target.apiUrls(), ApiTokenFile.read(target.layout().tokenFile()));
        ClusterHealthProbe health = new ClusterHealthProbe(target.apiUrls(), PROBE_TIMEOUT);
        int n = target.config().n();
        List<Long> idle = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        try (TaskEventStream events = TaskEventStream.open(target.apiUrls().get(0), this::onEvent)) {
            for (int round = 1; round <= rounds; round++) {
                if (!awaitModes(health, n, "conservative"::equals)) {
                    out.printf(
                            "wake: round %d: the cluster did not become quiet within %d s%n",
                            round, QUIET_TIMEOUT.toSeconds());
                    break;
                }
                long idleMs = submitToRunning(api, "wake-idle-" + round);
                String background = api.submit(job("wake-background-" + round, List.of("sleep", "600")));
                awaitTask(api, background, t -> "RUNNING".equals(t.state()));
                awaitModes(health, n, m -> !"conservative".equals(m));
                long busyMs = submitToRunning(api, "wake-busy-" + round);
                api.cancel(background);
                idle.add(idleMs);
                busy.add(busyMs);
                out.printf("wake: round %d: submit -> running %d ms idle, %d ms busy%n", round, idleMs, busyMs);
                out.flush();
            }
        }
        return idle.isEmpty() ? Optional.empty() : Optional.of(new Result(n, idle, busy));
    }

    private JobSubmission job(String name, List<String> command) {
        return new JobSubmission(name, image, command, null, 0.25, 16L, 900, 0, null, 1, null, null, null);
    }

    /** Submits a one-task job of a short sleep and returns its submit → RUNNING milliseconds. */
    private long submitToRunning(ApiClient api, String name) throws Exception {
        long submitted = System.nanoTime();
        String jobId = api.submit(job(name, List.of("sleep", "1")));
        CompletableFuture<Long> running = runningAt.computeIfAbsent(jobId + ".0", k -> new CompletableFuture<>());
        long deadline = submitted + RUNNING_TIMEOUT.toNanos();
        while (!running.isDone()) {
            try {
                running.get(FALLBACK_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                JobJson v = api.job(jobId);
                String state = v.tasks().isEmpty() ? "" : v.tasks().get(0).state();
                if ("RUNNING".equals(state) || JobText.isTerminal(state)) {
                    running.complete(System.nanoTime());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "task of " + jobId + " not running within " + RUNNING_TIMEOUT.toSeconds() + " s");
                }
            }
        }
        long millis = (running.get() - submitted) / 1_000_000;
        awaitTask(api, jobId, t -> JobText.isTerminal(t.state()));
        return millis;
    }

    private void onEvent(TaskEventStream.TaskEvent e) {
        if ("RUNNING".equals(e.state())) {
            runningAt
                    .computeIfAbsent(e.taskId(), k -> new CompletableFuture<>())
                    .complete(e.receivedNanos());
        }
    }

    private static void awaitTask(ApiClient api, String jobId, Predicate<TaskJson> condition) throws Exception {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JobJson v = api.job(jobId);
            if (!v.tasks().isEmpty() && v.tasks().stream().allMatch(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("job " + jobId + " did not reach the awaited state");
    }

    /** Waits until every node reports its own gossip mode matching {@code mode}. */
    private static boolean awaitModes(ClusterHealthProbe health, int n, Predicate<String> mode)
            throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (allModes(health, n, mode)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static boolean allModes(ClusterHealthProbe health, int n, Predicate<String> mode) {
        for (int via = 0; via < n; via++) {
            final int self = via;
            Optional<NodeJson> me = health.nodes(via)
                    .flatMap(l -> l.stream().filter(v -> v.id() == self).findFirst());
            if (me.isEmpty()
                    || me.get().gossip() == null
                    || !mode.test(me.get().gossip().mode())) {
                return false;
            }
        }
        return true;
    }
}
