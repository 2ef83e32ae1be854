package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * one-task job running {@code true} and wait for it to be accepted (its terminal event), until
 * {@code tasks} tasks are done; submit→running and submit→accepted come from the
 * {@code /api/v1/events} stream (local arrival times), with polling as a fallback. Every job names its
 * verification: {@code none}, or with {@code verify} also {@code quorum} (each task runs on f+1
 * nodes and is accepted once f+1 reports match), as a second cluster phase in the same run. In the
 * same run, the raw rate of {@code docker run -d --rm} of the same image at the same parallelism
 * gives the baseline; the phases alternate in {@value #ROUNDS} rounds ({@link BenchRounds}) so that a
 * load change on a shared machine does not favour any side. A per-stage breakdown
 * ({@link BenchStages}, worker stages from each node's metrics) shows where the time goes; the last
 * line is {@link TaskBenchResult#line()}.
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

    /** Options of one run; {@code verify} adds a quorum phase beside the {@code none} one. */
    public record Options(int tasks, int parallel, int warmup, String image, boolean verify) {
        /** The verification modes of the cluster phases, in the first round's order. */
        public List<String> verifications() {
            return verify ? List.of(TaskBenchResult.NONE, TaskBenchResult.QUORUM) : List.of(TaskBenchResult.NONE);
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

    public TaskBench(ClusterTarget target, PrintWriter out) {
        this.target = target;
        this.out = out;
    }

    public TaskBenchResult run(Options o) throws Exception {
        ApiClient api = new ApiClient(
                target.apiUrls(), ApiTokenFile.read(target.layout().tokenFile()));
        try (TaskEventStream events = openEvents()) {
            say("load average before: %s", loadAverage());
            List<ClusterPhase> phases = new ArrayList<>();
            for (String verification : o.verifications()) {
                phases.add(new ClusterPhase(verification));
                if (o.warmup() > 0) {
                    say("warm-up: %d tasks, verification %s (not measured)", o.warmup(), verification);
                    clusterRun(api, o, o.warmup(), new ClusterPhase(verification));
                }
            }
            say(
                    "cluster: %d one-task jobs (%s true) per verification (%s), %d in flight; raw docker: %d × docker"
                            + " run -d --rm --network none %s true, %d in parallel; in %d alternating rounds",
                    o.tasks(),
                    o.image(),
                    String.join(", ", o.verifications()),
                    o.parallel(),
                    o.tasks(),
                    o.image(),
                    o.parallel(),
                    ROUNDS);
            List<Long> rawMs = new ArrayList<>();
            PhaseCpu rawCpu = new PhaseCpu();
            List<Long> attachedMs = new ArrayList<>();
            long attachedNanos = 0;
            long rawNanos = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int share = BenchRounds.share(o.tasks(), ROUNDS, round);
                List<String> clusterParts = new ArrayList<>();
                for (ClusterPhase phase : BenchRounds.order(phases, round)) {
                    long c = phase.cpu.measure(() -> clusterRun(api, o, share, phase));
                    phase.addRound(share, c);
                    clusterParts.add(String.format(
                            Locale.ROOT, "cluster %s %d tasks in %.2f s", phase.verification, share, c / 1e9));
                }
                long r = rawCpu.measure(() -> rawDocker(o, share, rawMs, DETACHED));
                attachedNanos += rawDocker(o, share, attachedMs, attachedWithLimits());
                say(
                        "round %d: %s, raw docker %d in %.2f s (load %s)",
                        round + 1, String.join(", ", clusterParts), share, r / 1e9, loadAverage());
                rawNanos += r;
            }
            List<TaskBenchResult.Phase> figures = new ArrayList<>();
            for (ClusterPhase phase : phases) {
                TaskBenchResult.Phase f = phase.figures();
                figures.add(f);
                say(
                        "cluster, verification %s: %d tasks in %.2f s = %.2f tasks/s, %d failed",
                        f.verification(), f.tasks(), phase.nanos() / 1e9, f.tasksPerSecond(), f.failed());
                say(
                        "submit→running p50 %d ms p99 %d ms (%d samples); submit→accepted p50 %d ms p99 %d ms",
                        f.runP50(), f.runP99(), phase.runSamples(), f.acceptedP50(), f.acceptedP99());
                phase.stages.lines().forEach(line -> say("%s", line));
            }
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
            if (rawCpu.known() && phases.stream().allMatch(p -> p.cpu.known())) {
                List<String> perTask = new ArrayList<>();
                for (ClusterPhase phase : phases) {
                    perTask.add(String.format(
                            Locale.ROOT,
                            "cluster %s %.0f ms",
                            phase.verification,
                            phase.cpu.millis() / (double) phase.tasks()));
                }
                say(
                        "machine CPU per task (all processes): %s, raw docker %.0f ms",
                        String.join(", ", perTask), rawCpu.millis() / (double) o.tasks());
            }
            TaskBenchResult result = new TaskBenchResult(figures, rawPerSecond, raw.percentile(50));
            result.verifyRatio()
                    .ifPresent(ratio -> say(
                            "quorum ÷ none tasks/s = %.2f (each quorum task runs on f+1 = %d nodes: about %.2f when the"
                                    + " machine is the bottleneck)",
                            ratio,
                            target.config().f() + 1,
                            1.0 / (target.config().f() + 1)));
            say("load average after: %s", loadAverage());
            return result;
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

    /**
     * Runs {@code count} one-task jobs of {@code phase}'s verification with {@code o.parallel()}
     * closed-loop clients, adding each ended task to {@code phase}; returns the elapsed nanoseconds.
     */
    private long clusterRun(ApiClient api, Options o, int count, ClusterPhase phase) throws Exception {
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
                phase.verification);
        return closedLoop(o.parallel(), count, () -> {
            Submitted s = submit(api, spec);
            awaitDone(api, s);
            record(s, phase);
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

    /** Adds an ended task's stages and latencies to its phase. */
    private static void record(Submitted s, ClusterPhase phase) throws Exception {
        Times t = s.times();
        long doneNanos = t.done.get();
        long submitted = s.submittedNanos();
        phase.stages.add("submit->202", submitted, s.acceptedNanos());
        phase.stages.add("submit->assigned", submitted, t.assignedNanos);
        phase.stages.add("assigned->running", t.assignedNanos, t.runningNanos);
        phase.stages.add("running->done", t.runningNanos, doneNanos);
        phase.stages.add("submit->done", submitted, doneNanos);
        long runMillis = t.runningNanos == 0 ? -1 : Math.max(0, (t.runningNanos - submitted) / 1_000_000);
        phase.addTask(runMillis, (doneNanos - submitted) / 1_000_000, "SUCCEEDED".equals(t.terminalState));
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
        } catch (IOException e) {
            return "unknown";
        }
    }
}
