package org.bftswarm.orchestrator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * End-of-run result checks of the scheduler simulation (every submitted task ends
 * with exactly one accepted result), judged from what the clients accepted (f+1 matching replies)
 * and the most advanced correct replica's scheduler: every submitted task is terminal; per attempt
 * at most one accepted TaskFinished and per task at most one accepted success; a SUCCEEDED task has
 * exactly one, for its final attempt; a task that finished by a report has exactly one accepted
 * report for its final attempt; a task cancelled before it ever started has none; every accepted
 * report and the final stored result equal what the fake executor produced for that attempt on that
 * node; no correct node was ever marked DOWN (correct replicas never suspect anyone here, so only
 * the Byzantine node's lone suspicions exist).
 */
final class SchedulerOutcomeChecker {

    private SchedulerOutcomeChecker() {}

    static List<String> check(
            Scheduler ref,
            Set<String> submittedJobs,
            ResultLedger ledger,
            Set<Integer> correctNodes,
            Map<Integer, Integer> nodeOfClient,
            TreeMap<String, Long> taskStates) {
        List<String> v = new ArrayList<>();
        for (String jobId : submittedJobs) {
            JobView job = ref.job(jobId).orElse(null);
            if (job == null) {
                v.add("submitted job " + jobId + " is unknown to the scheduler");
                continue;
            }
            for (TaskView t : job.tasks()) {
                taskStates.merge(t.state().name(), 1L, Long::sum);
                checkTask(
                        t,
                        ledger.finished.getOrDefault(t.id(), List.of()),
                        ledger.startedTasks.contains(t.id()),
                        nodeOfClient,
                        v);
            }
        }
        for (NodeView node : ref.nodes()) {
            if (correctNodes.contains(node.id()) && (node.timesDown() > 0 || node.state() == NodeState.DOWN)) {
                v.add("correct node " + node.id() + " was marked DOWN " + node.timesDown()
                        + " time(s) though no correct replica suspected it (suspected by " + node.suspectedBy() + ")");
            }
        }
        return v;
    }

    private static void checkTask(
            TaskView t,
            List<ResultLedger.Accepted> oks,
            boolean everStarted,
            Map<Integer, Integer> nodeOfClient,
            List<String> v) {
        if (!t.state().isTerminal()) {
            v.add("task " + t.id() + " is " + t.state() + " after healing");
            return;
        }
        TreeMap<Integer, Integer> perAttempt = new TreeMap<>();
        int successes = 0;
        for (ResultLedger.Accepted a : oks) {
            if (perAttempt.merge(a.attempt(), 1, Integer::sum) > 1) {
                v.add("task " + t.id() + " attempt " + a.attempt() + " has more than one accepted result");
            }
            successes += a.exitCode() == 0 ? 1 : 0;
            Integer sender = nodeOfClient.get(a.clientId());
            if (sender == null || sender != a.node()) {
                v.add("task " + t.id() + " attempt " + a.attempt() + ": accepted a report for node " + a.node()
                        + " sent by client " + a.clientId());
            }
            if (!FakeExecutor.matches(a.taskId(), a.attempt(), a.exitCode(), a.outputDigest(), a.output())) {
                v.add("task " + t.id() + " attempt " + a.attempt()
                        + ": accepted result differs from what the executor produced");
            }
        }
        if (successes > 1) {
            v.add("task " + t.id() + " has " + successes + " accepted successful results");
        }
        boolean finishedByReport = t.state() == TaskState.SUCCEEDED
                || (t.state() == TaskState.FAILED && t.exitCode() != null && "exited".equals(t.reason()));
        if (finishedByReport) {
            long forFinal = oks.stream().filter(a -> a.attempt() == t.attempt()).count();
            if (forFinal != 1) {
                v.add("task " + t.id() + " is " + t.state() + " at attempt " + t.attempt() + " with " + forFinal
                        + " accepted results for that attempt");
            }
            if (!FakeExecutor.matches(t.id(), t.attempt(), t.exitCode(), t.outputDigest(), t.output())) {
                v.add("task " + t.id() + " stored result (exit " + t.exitCode()
                        + ") differs from the executor's for attempt " + t.attempt());
            }
        }
        if (t.state() == TaskState.SUCCEEDED && successes != 1) {
            v.add("task " + t.id() + " SUCCEEDED with " + successes + " accepted successes");
        }
        if (t.state() == TaskState.CANCELLED && !everStarted && !oks.isEmpty()) {
            v.add("task " + t.id() + " was cancelled before it ran yet has " + oks.size() + " accepted results");
        }
    }
}
