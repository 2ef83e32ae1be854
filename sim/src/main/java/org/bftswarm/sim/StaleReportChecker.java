package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * A report from a stale attempt is never what got accepted: the result a task ended with, when a
 * report decided it, is one some node sent for the attempt the task ended at. A result that only a
 * report of an older attempt carried (a worker ran attempt k and the task moved on to attempt k+1
 * elsewhere, or the Byzantine node replays an old attempt, and that report was taken as the new
 * run's) is a violation naming both attempts. Only {@code none} tasks are judged: their result differs per attempt, so
 * the report it came
 * from is known; a {@code quorum} task's runs all yield the same result.
 */
final class StaleReportChecker {
    private StaleReportChecker() {}

    static List<String> check(Scheduler ref, Set<String> submittedJobs, ResultLedger ledger) {
        List<String> v = new ArrayList<>();
        for (String jobId : submittedJobs) {
            JobView job = ref.job(jobId).orElse(null);
            if (job == null || ledger.quorumJobs.contains(jobId)) {
                continue;
            }
            for (TaskView t : job.tasks()) {
                if (t.outputDigest() == null || t.node() == null) {
                    continue;
                }
                List<TaskFinished> sent = ledger.sentFinished.getOrDefault(t.id(), List.of());
                boolean fromItsAttempt = sent.stream()
                        .anyMatch(f ->
                                f.attempt() == t.attempt() && f.outputDigest().equals(t.outputDigest()));
                if (fromItsAttempt) {
                    continue;
                }
                sent.stream()
                        .filter(f ->
                                f.attempt() < t.attempt() && f.outputDigest().equals(t.outputDigest()))
                        .findFirst()
                        .ifPresent(f -> v.add("stale report accepted: task " + t.id() + " ended at attempt "
                                + t.attempt() + " on node " + t.node() + " with the result node " + f.node()
                                + " reported for its attempt " + f.attempt()));
            }
        }
        return v;
    }
}
