package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bftswarm.crypto.Invariants;

/**
 * What one task-bench run measured, and its {@code BENCH tasks} line. The headline phase is the
 * {@code quorum} one when there is one, else the only one; the line is
 * {@code BENCH tasks tasks_per_s=X raw_docker_per_s=Y ratio=Z run_p50_ms=W verify=V accepted_p50_ms=A
 * accepted_p99_ms=B}, all of the headline phase (ratio = X ÷ Y). When a {@code none} phase ran beside
 * the quorum one, the line goes on with its {@code none_tasks_per_s}, {@code none_accepted_p50_ms},
 * {@code none_accepted_p99_ms} and {@code verify_ratio} = quorum tasks/s ÷ none tasks/s, which is about
 * 1/(f+1) when the machine is the bottleneck, since each quorum task runs on f+1 nodes. "Accepted" is
 * the task reaching a terminal state: under quorum, once f+1 matching reports were ordered. When Docker
 * Swarm mode ran the same tasks as replicated jobs, the line ends with {@code swarm_per_s} and
 * {@code ratio_swarm} = X ÷ swarm tasks/s (0 when swarm's rate is 0).
 */
public record TaskBenchResult(List<Phase> phases, double rawPerSecond, long rawRunP50, Optional<Swarm> swarm) {
    public static final String NONE = "none";
    public static final String QUORUM = "quorum";

    /** One verification mode's cluster phase over all rounds; latencies in milliseconds. */
    public record Phase(
            String verification,
            int tasks,
            int failed,
            double tasksPerSecond,
            long runP50,
            long runP99,
            long acceptedP50,
            long acceptedP99) {}

    /** Docker Swarm mode's side over all rounds: its tasks, those that did not complete, and its rate. */
    public record Swarm(int tasks, int failed, double tasksPerSecond) {}

    public TaskBenchResult(List<Phase> phases, double rawPerSecond, long rawRunP50) {
        this(phases, rawPerSecond, rawRunP50, Optional.empty());
    }

    public TaskBenchResult {
        phases = List.copyOf(phases);
        Invariants.check(!phases.isEmpty(), "a task bench result needs a cluster phase");
        Invariants.check(swarm != null, "a task bench result's swarm side is empty, not null");
    }

    /** The quorum phase if one ran, else the first. */
    public Phase headline() {
        return phase(QUORUM).orElse(phases.get(0));
    }

    /** The {@code none} phase that ran beside a quorum headline, for comparison. */
    public Optional<Phase> unverified() {
        return QUORUM.equals(headline().verification()) ? phase(NONE) : Optional.empty();
    }

    /** Tasks that did not end SUCCEEDED, over every phase, swarm mode's included. */
    public int failed() {
        return phases.stream().mapToInt(Phase::failed).sum()
                + swarm.map(Swarm::failed).orElse(0);
    }

    /** The headline's tasks/s over swarm mode's, when swarm mode ran (0 if its rate is 0). */
    public Optional<Double> swarmRatio() {
        return swarm.map(s -> s.tasksPerSecond() <= 0 ? 0 : headline().tasksPerSecond() / s.tasksPerSecond());
    }

    /** The headline's tasks/s over the raw {@code docker run -d} rate (0 without a raw rate). */
    public double ratio() {
        return rawPerSecond <= 0 ? 0 : headline().tasksPerSecond() / rawPerSecond;
    }

    /** Quorum tasks/s over none tasks/s, when both ran (0 if none's rate is 0). */
    public Optional<Double> verifyRatio() {
        return unverified()
                .map(none -> none.tasksPerSecond() <= 0 ? 0 : headline().tasksPerSecond() / none.tasksPerSecond());
    }

    public String line() {
        Phase h = headline();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "BENCH tasks tasks_per_s=%.2f raw_docker_per_s=%.2f ratio=%.2f run_p50_ms=%d verify=%s"
                        + " accepted_p50_ms=%d accepted_p99_ms=%d",
                h.tasksPerSecond(),
                rawPerSecond,
                ratio(),
                h.runP50(),
                h.verification(),
                h.acceptedP50(),
                h.acceptedP99()));
        unverified()
                .ifPresent(none -> line.append(String.format(
                        Locale.ROOT,
                        " none_tasks_per_s=%.2f none_accepted_p50_ms=%d none_accepted_p99_ms=%d verify_ratio=%.2f",
                        none.tasksPerSecond(),
                        none.acceptedP50(),
                        none.acceptedP99(),
                        verifyRatio().orElseThrow())));
        swarm.ifPresent(s -> line.append(String.format(
                Locale.ROOT,
                " swarm_per_s=%.2f ratio_swarm=%.2f",
                s.tasksPerSecond(),
                swarmRatio().orElseThrow())));
        return line.toString();
    }

    private Optional<Phase> phase(String verification) {
        return phases.stream()
                .filter(p -> verification.equals(p.verification()))
                .findFirst();
    }
}
