package org.bftswarm.sim;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Every verification round of a quorum task as the correct replicas decided it, seen as it happened
 * (a task view shows only its last round). It listens to each correct replica's scheduler; when an
 * executed operation leaves a quorum task SUCCEEDED, FAILED, BACKOFF or DISPUTED, that task's round
 * has ended at its latest attempt, and the round is recorded with the task's view right then: the
 * accepted result (none when the round was exhausted or disputed), {@code verifiedBy} and
 * {@code disputedBy}. Replicas execute the same operations, so a round seen by several is kept once.
 */
final class QuorumRounds {
    private static final Set<TaskState> ROUND_ENDS =
            Set.of(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.BACKOFF, TaskState.DISPUTED);

    /** One ended round of a task: its last attempt, the task's state and result then. */
    record Round(
            String taskId,
            int lastAttempt,
            TaskState state,
            Integer exitCode,
            String outputDigest,
            String output,
            boolean outputTruncated,
            List<Integer> verifiedBy,
            List<Integer> disputedBy) {

        static Round of(TaskView t) {
            return new Round(
                    t.id(),
                    t.attempt(),
                    t.state(),
                    t.exitCode(),
                    t.outputDigest(),
                    t.output(),
                    t.outputTruncated(),
                    List.copyOf(t.verifiedBy()),
                    List.copyOf(t.disputedBy()));
        }

        /** Whether the round accepted a result (an exhausted or disputed round has none). */
        boolean accepted() {
            return exitCode != null;
        }
    }

    private final Set<String> quorumJobs;
    /** Task id → last attempt of the round → the round. */
    final TreeMap<String, TreeMap<Integer, Round>> rounds = new TreeMap<>();

    QuorumRounds(Set<String> quorumJobs) {
        this.quorumJobs = quorumJobs;
    }

    /** Records the rounds {@code scheduler} (a correct replica's) ends from now on. */
    void watch(Scheduler scheduler) {
        scheduler.addListener(events -> observe(scheduler, events));
    }

    TreeMap<Integer, Round> of(String taskId) {
        return rounds.getOrDefault(taskId, new TreeMap<>());
    }

    private void observe(Scheduler scheduler, List<SchedulerEvent> events) {
        TreeSet<String> ended = new TreeSet<>();
        for (SchedulerEvent e : events) {
            if ("task".equals(e.kind()) && ROUND_ENDS.contains(TaskState.valueOf(e.state()))) {
                ended.add(e.id());
            }
        }
        for (String taskId : ended) {
            TaskView t = scheduler.task(taskId).orElse(null);
            if (t != null && quorumJobs.contains(t.jobId()) && ROUND_ENDS.contains(t.state())) {
                rounds.computeIfAbsent(taskId, k -> new TreeMap<>()).putIfAbsent(t.attempt(), Round.of(t));
            }
        }
    }
}
