package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * ({@link BenchStages}, worker stages from each node's metrics) shows where the time goes. With
 * {@code vsSwarm}, Docker Swarm mode runs the same tasks as one {@code replicated-job} per round at the
 * same parallelism ({@link SwarmModePhase}), taking its turn among the cluster phases. The last line is
 * {@link TaskBenchResult#line()}.
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

    /**
     * Options of one run; {@code verify} adds a quorum phase beside the {@code none} one, {@code vsSwarm}
     * a Docker Swarm mode side.
     */
    public record Options(int tasks, int parallel, int warmup, String image, boolean verify, boolean vsSwarm) {
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

    /** One side of a round (a cluster phase or swarm mode): runs its share, says what it measured. */
    private interface Side {
        String run(int share) throws Exception;
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
        try (TaskEventStream events = openEvents();
                SwarmModePhase swarm = o.vsSwarm() ? openSwarm() : null) {
            say("load average before: %s", loadAverage());
            List<ClusterPhase> phases = new ArrayList<>();
            List<Side> sides = new ArrayList<>();
            for (String verification : o.verifications()) {
                ClusterPhase phase = new ClusterPhase(verification);
                phases.add(phase);
                sides.add(share -> {
                    long c = phase.cpu.measure(() -> clusterRun(api, o, share, phase));
                    phase.addRound(share, c);
                    return String.format(Locale.ROOT, "cluster %s %d tasks in %.2f s", verification, share, c / 1e9);
                });
                if (o.warmup() > 0) {
                    say("warm-up: %d tasks, verification %s (not measured)", o.warmup(), verification);
                    clusterRun(api, o, o.warmup(), new ClusterPhase(verification));
                }
            }
            if (swarm != null) {
                sides.add(share -> String.format(
                        Locale.ROOT,
                        "swarm mode %d tasks in %.2f s",
                        share,
                        swarm.round(o.image(), share, o.parallel()) / 1e9));
                if (o.warmup() > 0) {
                    say("warm-up: %d tasks, swarm mode replicated job (not measured)", o.warmup());
                    swarm.warmUp(o.image(), o.warmup(), o.parallel());
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
            if (swarm != null) {
                say(
                        "swarm mode: per round one docker service create --mode replicated-job --max-concurrent %d"
                                + " of %s true, timed until every task ended",
                        o.parallel(), o.image());
            }
            List<Long> rawMs = new ArrayList<>();
            PhaseCpu rawCpu = new PhaseCpu();
            List<Long> attachedMs = new ArrayList<>();
            long attachedNanos = 0;
            long rawNanos = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int share = BenchRounds.share(o.tasks(), ROUNDS, round);
                List<String> parts = new ArrayList<>();
                for (Side side : BenchRounds.order(sides, round)) {
                    parts.add(side.run(share));
                }
                long r = rawCpu.measure(() -> rawDocker(o, share, rawMs, DETACHED));
                attachedNanos += rawDocker(o, share, attachedMs, attachedWithLimits());
                say(
                        "round %d: %s, raw docker %d in %.2f s (load %s)",
                        round + 1, String.join(", ", parts), share, r / 1e9, loadAverage());
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
            Optional<TaskBenchResult.Swarm> swarmFigures =
                    Optional.ofNullable(swarm).map(SwarmModePhase::figures);
            swarmFigures.ifPresent(f -> say(
                    "swarm mode: %d tasks in %.2f s = %.2f tasks/s, %d failed",
                    f.tasks(), swarm.nanos() / 1e9, f.tasksPerSecond(), f.failed()));
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
            cpuPerTask(phases, swarm, rawCpu, o.tasks());
            TaskBenchResult result = new TaskBenchResult(figures, rawPerSecond, raw.percentile(50), swarmFigures);
            result.verifyRatio()
                    .ifPresent(ratio -> say(
                            "quorum ÷ none tasks/s = %.2f (each quorum task runs on f+1 = %d nodes: about %.2f when the"
                                    + " machine is the bottleneck)",
                            ratio,
                            target.config().f() + 1,
                            1.0 / (target.config().f() + 1)));
            result.swarmRatio().ifPresent(ratio -> say("cluster ÷ swarm mode tasks/s = %.2f", ratio));
            say("load average after: %s", loadAverage());
            return result;
        }
    }

    /** Enters swarm mode if needed, saying so; its services carry the swarm's bench label. */
    private SwarmModePhase openSwarm() throws IOException {
        SwarmModePhase swarm = SwarmModePhase.open(
                new DockerCli(), DockerCli.SWARM_LABEL + "=" + target.config().swarm() + "-bench-swarm");
        say(
                swarm.initialised()
                        ? "swarm mode: initialised for this bench (left again at its end)"
                        : "swarm mode: already active (left as it is)");
        return swarm;
    }

    /** Machine CPU per task of each side, when every reading was there. */
    private void cpuPerTask(List<ClusterPhase> phases, SwarmModePhase swarm, PhaseCpu rawCpu, int tasks) {
        if (!rawCpu.known() || !phases.stream().allMatch(p -> p.cpu.known()) || (swarm != null && !swarm.cpu.known())) {
            return;
        }
        List<String> perTask = new ArrayList<>();
        for (ClusterPhase phase : phases) {
            perTask.add(String.format(
                    Locale.ROOT,
                    "cluster %s %.0f ms",
                    phase.verification,
                    phase.cpu.millis() / (double) phase.tasks()));
        }
        if (swarm != null) {
            perTask.add(String.format(Locale.ROOT, "swarm mode %.0f ms", swarm.cpu.millis() / (double) swarm.tasks()));
        }
        say(
                "machine CPU per task (all processes): %s, raw docker %.0f ms",
                String.join(", ", perTask), rawCpu.millis() / (double) tasks);
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
        return ClosedLoop.run(o.parallel(), count, () -> {
            Submitted s = submit(api, spec);
            awaitDone(api, s);
            record(s, phase);
        });
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
        long elapsed = ClosedLoop.run(o.parallel(), count, () -> {
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
