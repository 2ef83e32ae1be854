package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.TaskJson;

/**
 * The failover benchmark: per trial, start long tasks, SIGKILL a node holding some, and time kill →
 * every one of its tasks RUNNING on another node (new attempt), polled from the API every
 * {@value #POLL_MILLIS} ms; then cancel the job, restart the node and wait until every node is UP
 * again and gossip has re-formed. Prints one line per trial; a trial that fails to set up or to
 * recover ends the run early, so {@link Result#complete()} is false. The result's line is
 * {@code BENCH failover p50_ms=X p99_ms=Y trials=N} (N: the trials that measured a failover).
 */
public final class FailoverBench {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    /** Options of one run: trials, long tasks per node in each trial's job, and their image. */
    public record Options(int trials, int tasksPerNode, String image) {}

    /** The kill → running-elsewhere times (ms) of the trials that measured one, out of {@code trials} asked. */
    public record Result(List<Long> samples, int trials) {
        public Result {
            samples = List.copyOf(samples);
        }

        /** Every trial asked for measured a failover. */
        public boolean complete() {
            return samples.size() == trials;
        }

        public String line() {
            LatencyStats stats = new LatencyStats(samples);
            return String.format(
                    Locale.ROOT,
                    "BENCH failover p50_ms=%d p99_ms=%d trials=%d",
                    stats.percentile(50),
                    stats.percentile(99),
                    stats.count());
        }
    }

    private final ClusterTarget target;
    private final PrintWriter out;
    private final PrintWriter err;

    public FailoverBench(ClusterTarget target, PrintWriter out, PrintWriter err) {
        this.target = target;
        this.out = out;
        this.err = err;
    }

    public Result run(Options o) throws Exception {
        ApiClient api = new ApiClient(
                target.apiUrls(), ApiTokenFile.read(target.layout().tokenFile()));
        FaultInjector faults = new FaultInjector(target, out, err);
        ClusterHealthProbe health = new ClusterHealthProbe(target.apiUrls(), PROBE_TIMEOUT);
        int n = target.config().n();
        List<Long> samples = new ArrayList<>();
        int previousVictim = -1;
        for (int trial = 1; trial <= o.trials(); trial++) {
            if (!awaitAllUp(health, n, -1)) {
                err.println("bftswarm bench failover: not every node is UP; giving up before trial " + trial);
                break;
            }
            JobSubmission job = new JobSubmission(
                    "failover-bench-" + trial,
                    o.image(),
                    List.of("sleep", "600"),
                    null,
                    0.25,
                    16L,
                    900,
                    0,
                    null,
                    n * o.tasksPerNode(),
                    null,
                    null,
                    null);
            String jobId = api.submit(job);
            Optional<JobJson> running = awaitJob(api, jobId, v -> allRunning(v));
            if (running.isEmpty()) {
                err.printf("bftswarm bench failover: trial %d: tasks of job %s did not all start%n", trial, jobId);
                api.cancel(jobId);
                break;
            }
            int primary = api.primary().orElse(-1);
            int victim = pickVictim(running.get(), primary, trial, n, previousVictim);
            previousVictim = victim;
            Map<String, Integer> victimTasks = new TreeMap<>();
            for (TaskJson t : running.get().tasks()) {
                if (t.node() != null && t.node() == victim) {
                    victimTasks.put(t.id(), t.attempt());
                }
            }
            double load = loadAverage();
            long killedAt = System.nanoTime();
            if (faults.kill(victim) != 0) {
                api.cancel(jobId);
                break;
            }
            Optional<JobJson> moved = awaitJob(api, jobId, v -> movedOff(v, victim, victimTasks), FAILOVER_TIMEOUT);
            long millis = (System.nanoTime() - killedAt) / 1_000_000;
            if (moved.isEmpty()) {
                err.printf(
                        "bftswarm bench failover: trial %d: tasks of node %d not running elsewhere within %d s%n",
                        trial, victim, FAILOVER_TIMEOUT.toSeconds());
            } else {
                samples.add(millis);
                out.printf(
                        "trial %d: killed node %d (primary %d) holding %d tasks -> all running elsewhere in %d ms"
                                + " (load %.1f)%n",
                        trial, victim, primary, victimTasks.size(), millis, load);
                out.flush();
            }
            api.cancel(jobId);
            // restart's own wait may give up early (it can probe the new process before it execs into
            // the JVM); whether the node is back is decided by the cluster's view below
            faults.restart(victim, STEP_TIMEOUT);
            if (!awaitAllUp(health, n, victim)) {
                err.printf("bftswarm bench failover: node %d did not come back UP%n", victim);
                break;
            }
        }
        return new Result(samples, o.trials());
    }

    private interface JobCondition {
        boolean holds(JobJson job);
    }

    private static Optional<JobJson> awaitJob(ApiClient api, String jobId, JobCondition condition)
            throws InterruptedException {
        return awaitJob(api, jobId, condition, STEP_TIMEOUT);
    }

    private static Optional<JobJson> awaitJob(ApiClient api, String jobId, JobCondition condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JobJson v = api.job(jobId);
                if (condition.holds(v)) {
                    return Optional.of(v);
                }
            } catch (ApiException e) {
                // a node may be down right now; the client fails over, try again
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.empty();
    }

    /** Every task of the job is RUNNING on a node. */
    static boolean allRunning(JobJson v) {
        return !v.tasks().isEmpty()
                && v.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()) && t.node() != null);
    }

    /** Every task the victim held runs on another node under a newer attempt. */
    static boolean movedOff(JobJson v, int victim, Map<String, Integer> victimTasks) {
        int moved = 0;
        for (TaskJson t : v.tasks()) {
            Integer oldAttempt = victimTasks.get(t.id());
            if (oldAttempt != null
                    && "RUNNING".equals(t.state())
                    && t.node() != null
                    && t.node() != victim
                    && t.attempt() > oldAttempt) {
                moved++;
            }
        }
        return moved == victimTasks.size();
    }

    /**
     * A node other than the primary with at least one task, rotating over trials, and not the node
     * killed in the previous trial: a node that has just rejoined is protected from suspicion for
     * {@code SuspicionPolicy.GRACE_MILLIS}, so killing it again at once would measure that grace,
     * not failover of a node in steady state.
     */
    static int pickVictim(JobJson v, int primary, int trial, int n, int previous) {
        for (int k = 0; k < 2 * n; k++) {
            int candidate = (trial + k) % n;
            if (candidate == primary || (k < n && candidate == previous)) {
                continue;
            }
            for (TaskJson t : v.tasks()) {
                if (t.node() != null && t.node() == candidate) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no non-primary node holds a task of job " + v.id());
    }

    /**
     * Waits until a node other than {@code skip} (or any node if -1) reports every node UP and every
     * node's gossip layer sees all n members (suspicions are only voted once gossip has formed).
     */
    private static boolean awaitAllUp(ClusterHealthProbe health, int n, int skip) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int id = 0; id < n; id++) {
                if (id != skip && health.allUp(id) && health.gossipFormed()) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
