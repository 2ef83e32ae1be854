package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * One verification mode's side of the task bench, summed over its rounds: the elapsed time and
 * machine CPU of its closed-loop runs, and per task submit→running, submit→accepted (the terminal
 * event) and the stage breakdown. Tasks/s is tasks over the summed elapsed time of the rounds. The
 * closed-loop clients add tasks concurrently (under this object's lock); rounds are added by the bench
 * thread.
 */
final class ClusterPhase {
    final String verification;
    final BenchStages stages = new BenchStages();
    final PhaseCpu cpu = new PhaseCpu();
    private final List<Long> runMs = new ArrayList<>();
    private final List<Long> acceptedMs = new ArrayList<>();
    private int failed;
    private int tasks;
    private long nanos;

    ClusterPhase(String verification) {
        this.verification = verification;
    }

    /** One ended task: submit→running (negative when never seen running), submit→accepted, and whether it succeeded. */
    synchronized void addTask(long runMillis, long acceptedMillis, boolean succeeded) {
        if (runMillis >= 0) {
            runMs.add(runMillis);
        }
        acceptedMs.add(Math.max(0, acceptedMillis));
        if (!succeeded) {
            failed++;
        }
    }

    /** One round of this phase: {@code count} tasks in {@code elapsedNanos}. */
    synchronized void addRound(int count, long elapsedNanos) {
        tasks += count;
        nanos += elapsedNanos;
    }

    synchronized long nanos() {
        return nanos;
    }

    synchronized int tasks() {
        return tasks;
    }

    synchronized int runSamples() {
        return runMs.size();
    }

    synchronized TaskBenchResult.Phase figures() {
        LatencyStats run = new LatencyStats(runMs);
        LatencyStats accepted = new LatencyStats(acceptedMs);
        return new TaskBenchResult.Phase(
                verification,
                tasks,
                failed,
                nanos <= 0 ? 0 : tasks / (nanos / 1e9),
                run.percentile(50),
                run.percentile(99),
                accepted.percentile(50),
                accepted.percentile(99));
    }
}
