package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Every task of a node that went DOWN is placed again: once the network has healed and the run is
 * over, no task is still PENDING with no run in flight when the last thing that happened to it was
 * its node going DOWN (nodes are UP again and have room, so a task in the placement queue is placed
 * at the next operation). Such a task was taken off its node and lost.
 */
final class LostTaskChecker {
    private LostTaskChecker() {}

    static List<String> check(Scheduler ref, Set<String> submittedJobs) {
        List<String> v = new ArrayList<>();
        for (String jobId : submittedJobs) {
            JobView job = ref.job(jobId).orElse(null);
            if (job == null) {
                continue;
            }
            for (TaskView t : job.tasks()) {
                if (t.state() != TaskState.PENDING
                        || !t.runs().isEmpty()
                        || t.history().isEmpty()) {
                    continue;
                }
                AttemptView last = t.history().get(t.history().size() - 1);
                if ("node-down".equals(last.outcome())) {
                    v.add("task lost when its node went DOWN: " + t.id() + " is PENDING since node " + last.node()
                            + " went down (attempt " + last.attempt() + ") and was never placed again; history "
                            + t.history());
                }
            }
        }
        return v;
    }
}
