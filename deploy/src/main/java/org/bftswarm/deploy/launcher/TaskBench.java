package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.TaskJson;

/**
 * The end-to-end task benchmark: {@code parallel} closed-loop clients each submit a
 * one-task job running {@code true} and wait for it to end, until {@code tasks} tasks are done;
 * submit→running and submit→done come from the {@code /api/v1/events} stream (local arrival times),
 * with polling as a fallback. In the same run, the raw rate of {@code docker run -d --rm} of the same
 * image at the same parallelism gives the baseline; the two alternate in {@value #ROUNDS} rounds so
 * that a load change on a shared machine does not favour either side. A per-stage breakdown
 * ({@link BenchStages}, worker stages from each node's metrics) shows where the time goes; the last
 * line is
 * {@code BENCH tasks tasks_per_s=X raw_docker_per_s=Y ratio=Z run_p50_ms=W}.
 */
public final class TaskBench {
    static final long TASK_DEADLINE_SECONDS = 120;
    /** Cluster and raw docker runs alternate in this many rounds, so both see the same machine load. */
    static final int ROUNDS = 2;
    /** The bench task's limits; the attached reference run gives its containers the same. */
    static final double TASK_CPUS = 0.25;

    static final long TASK_MEMORY_MB = 16;
    /** The baseline's flags: {@code docker run -d} returns once the container started. */
    private static final List<String> DETACHED = List.of("-d");

    /** Options of one run. */
    public record Options(int tasks, int parallel, int warmup, String image) {}

    /** What one run measured. */
    public record Result(
            int tasks,
            int failed,
            double tasksPerSecond,
            double rawPerSecond,
            long runP50,
            long runP99,
            long doneP50,
            long doneP99,
            long rawRunP50) {
        public double ratio() {
            return rawPerSecond <= 0 ? 0 : tasksPerSecond / rawPerSecond;
        }

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "BENCH tasks tasks_per_s=%.2f raw_docker_per_s=%.2f ratio=%.2f run_p50_ms=%d",
                    tasksPerSecond,
                    rawPerSecond,
                    ratio(),
                    runP50);
        }
    }

    /** Arrival times of one task's events. */
    private static final class Times {
        volatile long assignedNanos;
        volatile long runningNanos;
        volatile String terminalState;
        final CompletableFuture<Long> done = new CompletableFuture<>();
    }

    /** A task submitted by a bench client: when, and under which job. */
    private record Submitted(String jobId, long submittedNanos, long acceptedNanos, Times times) {}

    private final ClusterTarget target;
    private final PrintWriter out;
    private final Map<String, Times> times = new ConcurrentHashMap<>();
    private volatile BenchStages stages = new BenchStages();

    public TaskBench(ClusterTarget target, PrintWriter out) {
        this.target = target;
        this.out = out;
    }

    public Result run(Options o) throws Exception {
        ApiClient api = new ApiClient(
                target.apiUrls(), ApiTokenFile.read(target.layout().tokenFile()));
        try (TaskEventStream events = openEvents()) {
            say("load average before: %s", loadAverage());
            if (o.warmup() > 0) {
                say("warm-up: %d tasks (not measured)", o.warmup());
                clusterRun(api, o, o.warmup(), new ArrayList<>(), new ArrayList<>(), new AtomicInteger());
            }
            say(
                    "cluster: %d one-task jobs (%s true), %d in flight; raw docker: %d × docker run -d --rm --network none"
                            + " %s true, %d in parallel; in %d alternating rounds",
                    o.tasks(), o.image(), o.parallel(), o.tasks(), o.image(), o.parallel(), ROUNDS);
            List<Long> runMs = new ArrayList<>();
            List<Long> doneMs = new ArrayList<>();
            List<Long> rawMs = new ArrayList<>();
            PhaseCpu clusterCpu = new PhaseCpu();
            PhaseCpu rawCpu = new PhaseCpu();
            List<Long> attachedMs = new ArrayList<>();
            long attachedNanos = 0;
            AtomicInteger failed = new AtomicInteger();
            stages = new BenchStages();
            long clusterNanos = 0;
            long rawNanos = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int share = o.tasks() / ROUNDS + (round < o.tasks() % ROUNDS ? 1 : 0);
                long c = clusterCpu.measure(() -> clusterRun(api, o, share, runMs, doneMs, failed));
                long r = rawCpu.measure(() -> rawDocker(o, share, rawMs, DETACHED));
                attachedNanos += rawDocker(o, share, attachedMs, attachedWithLimits());
                say(
                        "round %d: cluster %d tasks in %.2f s, raw docker %d in %.2f s (load %s)",
                        round + 1, share, c / 1e9, share, r / 1e9, loadAverage());
                clusterNanos += c;
                rawNanos += r;
            }
            double tasksPerSecond = o.tasks() / (clusterNanos / 1e9);
            LatencyStats run = new LatencyStats(runMs);
            LatencyStats done = new LatencyStats(doneMs);
            say(
                    "cluster: %d tasks in %.2f s = %.2f tasks/s, %d failed",
                    o.tasks(), clusterNanos / 1e9, tasksPerSecond, failed.get());
            say(
                    "submit→running p50 %d ms p99 %d ms (%d samples); submit→done p50 %d ms p99 %d ms",
                    run.percentile(50), run.percentile(99), run.count(), done.percentile(50), done.percentile(99));
            stages.lines().forEach(line -> say("%s", line));
            workerStages(api).forEach(line -> say("%s", line));
            double rawPerSecond = o.tasks() / (rawNanos / 1e9);
            LatencyStats raw = new LatencyStats(rawMs);
            say(
                    "raw docker: %d containers in %.2f s = %.2f /s; docker run -d (create+start) p50 %d ms p99 %d ms",
                    o.tasks(), rawNanos / 1e9, rawPerSecond, raw.percentile(50), raw.percentile(99));
            say(
                    "reference, not in the ratio: docker run --rm attached, with the task's limits (%s): %.2f /s, p50 %d ms"
                            + " (the worker's container lifecycle: create, attach, wait, start, exit, removal)",
                    String.join(" ", attachedWithLimits()),
                    o.tasks() / (attachedNanos / 1e9),
                    new LatencyStats(attachedMs).percentile(50));
            if (clusterCpu.known() && rawCpu.known()) {
                say(
                        "machine CPU per task (all processes): cluster %.0f ms, raw docker %.0f ms",
                        clusterCpu.millis() / (double) o.tasks(), rawCpu.millis() / (double) o.tasks());
            }
            say("load average after: %s", loadAverage());
            return new Result(
                    o.tasks(),
                    failed.get(),
                    tasksPerSecond,
                    rawPerSecond,
                    run.percentile(50),
                    run.percentile(99),
                    done.percentile(50),
                    done.percentile(99),
                    raw.percentile(50));
        }
    }

    /** Machine busy time summed over the runs of one phase. */
    private static final class PhaseCpu {
        private long millis;
        private boolean known = true;

        long measure(Callable<Long> run) throws Exception {
            OptionalLong before = MachineCpu.busyMillis();
            long elapsed = run.call();
            OptionalLong after = MachineCpu.busyMillis();
            if (before.isPresent() && after.isPresent()) {
                millis += after.getAsLong() - before.getAsLong();
            } else {
                known = false;
            }
            return elapsed;
        }

        boolean known() {
            return known;
        }

        long millis() {
            return millis;
        }
    }

    private TaskEventStream openEvents() {
        for (String url : target.apiUrls()) {
            try {
                return TaskEventStream.open(url, this::onEvent);
            } catch (Exception e) {
                say("events from %s unavailable (%s); trying the next node", url, e.getMessage());
            }
        }
        say("no events stream: timing by polling only");
        return null;
    }

    private void onEvent(TaskEventStream.TaskEvent e) {
        Times t = times.computeIfAbsent(e.taskId(), k -> new Times());
        if ("ASSIGNED".equals(e.state()) && t.assignedNanos == 0) {
            t.assignedNanos = e.receivedNanos();
        }
        if ("RUNNING".equals(e.state()) && t.runningNanos == 0) {
            t.runningNanos = e.receivedNanos();
        }
        if (JobText.isTerminal(e.state()) && t.terminalState == null) {
            t.terminalState = e.state();
            t.done.complete(e.receivedNanos());
        }
    }

    /** Runs {@code count} tasks with {@code o.parallel()} closed-loop clients; returns the elapsed nanoseconds. */
    private long clusterRun(
            ApiClient api, Options o, int count, List<Long> runMs, List<Long> doneMs, AtomicInteger failed)
            throws Exception {
        JobSubmission spec = new JobSubmission(
                "bench",
                o.image(),
                List.of("true"),
                Map.of(),
                TASK_CPUS,
                TASK_MEMORY_MB,
                60,
                0,
                null,
                1,
                null,
                null,
                null);
        return closedLoop(o.parallel(), count, () -> {
            Submitted s = submit(api, spec);
            awaitDone(api, s);
            record(s, runMs, doneMs, failed);
        });
    }

    /** One step of a closed loop. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step} {@code count} times on {@code parallel} closed-loop workers (each starts its
     * next step as soon as its last one ends); returns the elapsed nanoseconds. A failed step fails the run.
     */
    private static long closedLoop(int parallel, int count, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < parallel; c++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        step.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }

    /** Submits one one-task job. */
    private Submitted submit(ApiClient api, JobSubmission spec) throws Exception {
        long submitted = System.nanoTime();
        String jobId = api.submit(spec);
        long accepted = System.nanoTime();
        return new Submitted(jobId, submitted, accepted, times.computeIfAbsent(jobId + ".0", k -> new Times()));
    }

    /** Waits until the task has ended, polling the job every 500 ms in case the event stream missed it. */
    private void awaitDone(ApiClient api, Submitted s) throws Exception {
        CompletableFuture<Long> done = s.times().done;
        long deadline = s.submittedNanos() + TimeUnit.SECONDS.toNanos(TASK_DEADLINE_SECONDS);
        while (!done.isDone()) {
            try {
                done.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pollOnce(api, s.jobId(), s.times());
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "task " + s.jobId() + ".0 not done within " + TASK_DEADLINE_SECONDS + " s");
                }
            }
        }
    }

    /** Adds an ended task's stages and latencies (the lists are shared by the clients: under their lock). */
    private void record(Submitted s, List<Long> runMs, List<Long> doneMs, AtomicInteger failed) throws Exception {
        synchronized (runMs) {
            addSamples(s, runMs, doneMs, failed);
        }
    }

    private void addSamples(Submitted s, List<Long> runMs, List<Long> doneMs, AtomicInteger failed) throws Exception {
        Times t = s.times();
        long doneNanos = t.done.get();
        long submitted = s.submittedNanos();
        stages.add("submit->202", submitted, s.acceptedNanos());
        stages.add("submit->assigned", submitted, t.assignedNanos);
        stages.add("assigned->running", t.assignedNanos, t.runningNanos);
        stages.add("running->done", t.runningNanos, doneNanos);
        stages.add("submit->done", submitted, doneNanos);
        if (t.runningNanos != 0) {
            runMs.add(Math.max(0, (t.runningNanos - submitted) / 1_000_000));
        }
        doneMs.add(Math.max(0, (doneNanos - submitted) / 1_000_000));
        if (!"SUCCEEDED".equals(t.terminalState)) {
            failed.incrementAndGet();
        }
    }

    /** Fallback when events are missing: one GET of the job. */
    private static void pollOnce(ApiClient api, String jobId, Times t) {
        try {
            JobJson job = api.job(jobId);
            long now = System.nanoTime();
            for (TaskJson task : job.tasks()) {
                if (!"PENDING".equals(task.state()) && !"ASSIGNED".equals(task.state()) && t.runningNanos == 0) {
                    t.runningNanos = now;
                }
                if (JobText.isTerminal(task.state()) && t.terminalState == null) {
                    t.terminalState = task.state();
                    t.done.complete(now);
                }
            }
        } catch (ApiException e) {
            // try again on the next round
        }
    }

    /** Each node's worker stage timers (p50/p99 over its last minutes), as breakdown lines. */
    private List<String> workerStages(ApiClient api) {
        List<Map<String, Map<String, Long>>> byNode = new ArrayList<>();
        for (int node = 0; node < target.apiUrls().size(); node++) {
            byNode.add(api.metrics(node).map(WorkerStageScrape::parse).orElse(Map.of()));
        }
        return WorkerStageScrape.lines(
                byNode, List.of("container_setup", "start_ordered", "container_run", "finish_ordered"));
    }

    /** The reference's flags: attached until exit and removal, like the worker, with the task's limits. */
    private static List<String> attachedWithLimits() {
        return List.of("--cpus", Double.toString(TASK_CPUS), "--memory", TASK_MEMORY_MB + "m");
    }

    /**
     * {@code count} × {@code docker run --rm --network none <mode> IMAGE true} with {@code parallel}
     * workers, each call's duration (for {@code -d}: create+start as the CLI sees it) added to
     * {@code rawMs}; returns elapsed nanoseconds.
     */
    private long rawDocker(Options o, int count, List<Long> rawMs, List<String> mode) throws Exception {
        DockerCli docker = new DockerCli();
        String label = DockerCli.SWARM_LABEL + "=" + target.config().swarm() + "-bench-raw";
        AtomicInteger failures = new AtomicInteger();
        long elapsed = closedLoop(o.parallel(), count, () -> {
            long started = System.nanoTime();
            List<String> cmd = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", "--label", label));
            cmd.addAll(mode);
            cmd.addAll(List.of(o.image(), "true"));
            boolean ok = docker.run(cmd).ok();
            synchronized (rawMs) {
                rawMs.add((System.nanoTime() - started) / 1_000_000);
            }
            if (!ok) {
                failures.incrementAndGet();
            }
        });
        if (failures.get() > 0) {
            say("raw docker: %d of %d runs failed", failures.get(), count);
        }
        return elapsed;
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
