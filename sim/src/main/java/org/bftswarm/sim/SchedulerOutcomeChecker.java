package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * End-of-run result checks of the scheduler simulation (every submitted task ends
 * with a correct accepted result), judged from what the clients accepted (f+1 matching replies),
 * the rounds the correct replicas ended ({@link QuorumRounds}) and the most advanced correct replica's
 * scheduler. For every task: it is terminal; per attempt at most one accepted TaskFinished, sent by the
 * node it names; a task cancelled before it ever started has none. For a {@code none} task: at most
 * one accepted success; a SUCCEEDED task has exactly one, for its final attempt; a task that finished
 * by a report has exactly one accepted report for its final attempt; every accepted report and the
 * final stored result equal what the fake executor produced for that attempt (for a WebAssembly shard:
 * or the Byzantine node's forged report of its own run, stored as reported). A {@code quorum} task
 * is judged by {@link QuorumOutcomeChecker}. No correct node was ever marked DOWN unless its replica
 * was down at some point (correct nodes suspect only a peer whose replica is down; the Byzantine
 * node's lone suspicions must evict no one), no correct node is quarantined, and a
 * node whose forged vote was outvoted in a round that accepted a result carries that disagreement.
 */
final class SchedulerOutcomeChecker {

    private SchedulerOutcomeChecker() {}

    static List<String> check(
            Scheduler ref,
            Set<String> submittedJobs,
            ResultLedger ledger,
            QuorumRounds rounds,
            Set<Integer> correctNodes,
            Set<Integer> everCrashed,
            Map<Integer, Integer> nodeOfClient,
            TreeMap<String, Long> taskStates) {
        List<String> v = new ArrayList<>();
        int f = ref.config().faults();
        boolean forgedVoteInAcceptedRound = false;
        for (String jobId : submittedJobs) {
            JobView job = ref.job(jobId).orElse(null);
            if (job == null) {
                v.add("submitted job " + jobId + " is unknown to the scheduler");
                continue;
            }
            boolean quorum = ledger.quorumJobs.contains(jobId);
            for (TaskView t : job.tasks()) {
                taskStates.merge(t.state().name(), 1L, Long::sum);
                List<ResultLedger.Accepted> oks = ledger.finished.getOrDefault(t.id(), List.of());
                if (!checkEveryTask(t, oks, ledger.startedTasks.contains(t.id()), nodeOfClient, v)) {
                    continue;
                }
                if (quorum) {
                    taskStates.merge("quorum." + t.state().name(), 1L, Long::sum);
                    forgedVoteInAcceptedRound |=
                            QuorumOutcomeChecker.check(job.spec(), t, oks, rounds.of(t.id()), f, v);
                } else {
                    checkTrustOneTask(job.spec(), t, oks, v);
                }
            }
        }
        TreeSet<Integer> forgers = new TreeSet<>();
        ledger.finished
                .values()
                .forEach(l ->
                        l.stream().filter(ResultLedger.Accepted::forgedVote).forEach(a -> forgers.add(a.node())));
        for (NodeView node : ref.nodes()) {
            if (correctNodes.contains(node.id())
                    && !everCrashed.contains(node.id())
                    && (node.timesDown() > 0 || node.state() == NodeState.DOWN)) {
                v.add("correct node " + node.id() + " was marked DOWN " + node.timesDown()
                        + " time(s) though it never crashed (suspected by " + node.suspectedBy() + ")");
            }
            if (correctNodes.contains(node.id()) && node.quarantined()) {
                v.add("correct node " + node.id() + " is quarantined (" + node.disputedResults()
                        + " disputed results)");
            }
            if (forgedVoteInAcceptedRound && forgers.contains(node.id()) && node.disputedResults() < 1) {
                v.add("node " + node.id() + " cast forged votes in rounds that accepted a result yet has "
                        + node.disputedResults() + " disputed results");
            }
        }
        return v;
    }

    /** The checks for tasks of both modes; false when the task is not even terminal. */
    private static boolean checkEveryTask(
            TaskView t,
            List<ResultLedger.Accepted> oks,
            boolean everStarted,
            Map<Integer, Integer> nodeOfClient,
            List<String> v) {
        if (!t.state().isTerminal()) {
            v.add("task " + t.id() + " is " + t.state() + " after healing");
            return false;
        }
        TreeMap<Integer, Integer> perAttempt = new TreeMap<>();
        for (ResultLedger.Accepted a : oks) {
            if (perAttempt.merge(a.attempt(), 1, Integer::sum) > 1) {
                v.add("task " + t.id() + " attempt " + a.attempt() + " has more than one accepted result");
            }
            Integer sender = nodeOfClient.get(a.clientId());
            if (sender == null || sender != a.node()) {
                v.add("task " + t.id() + " attempt " + a.attempt() + ": accepted a report for node " + a.node()
                        + " sent by client " + a.clientId());
            }
        }
        if (t.state() == TaskState.CANCELLED && !everStarted && !oks.isEmpty()) {
            v.add("task " + t.id() + " was cancelled before it ran yet has " + oks.size() + " accepted results");
        }
        return true;
    }

    /**
     * A {@code none} task: one report is the result, and it is the executor's for that attempt; a
     * WebAssembly shard's may instead be the Byzantine node's forged report of its own run, which
     * {@code none} cannot tell from a true one, and is then stored exactly as reported.
     */
    private static void checkTrustOneTask(JobSpec spec, TaskView t, List<ResultLedger.Accepted> oks, List<String> v) {
        int successes = 0;
        boolean shard = FakeExecutor.isShard(spec);
        for (ResultLedger.Accepted a : oks) {
            successes += a.exitCode() == 0 ? 1 : 0;
            boolean honest = shard
                    ? FakeExecutor.matchesShard(spec, a.taskId(), a.exitCode(), a.outputDigest(), a.output())
                    : FakeExecutor.matches(a.taskId(), a.attempt(), a.exitCode(), a.outputDigest(), a.output());
            if (!honest && !(shard && a.forgedVote())) {
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
            ResultLedger.Accepted last = oks.stream()
                    .filter(a -> a.attempt() == t.attempt())
                    .findFirst()
                    .orElse(null);
            boolean stored = !shard
                    ? FakeExecutor.matches(t.id(), t.attempt(), t.exitCode(), t.outputDigest(), t.output())
                    : last != null && last.forgedVote()
                            ? storedAsReported(t, last)
                            : FakeExecutor.matchesShard(spec, t.id(), t.exitCode(), t.outputDigest(), t.output());
            if (!stored) {
                v.add("task " + t.id() + " stored result (exit " + t.exitCode()
                        + ") differs from the executor's for attempt " + t.attempt());
            }
        }
        if (t.state() == TaskState.SUCCEEDED && successes != 1) {
            v.add("task " + t.id() + " SUCCEEDED with " + successes + " accepted successes");
        }
    }

    private static boolean storedAsReported(TaskView t, ResultLedger.Accepted report) {
        return t.exitCode() != null
                && t.exitCode() == report.exitCode()
                && report.outputDigest().equals(t.outputDigest())
                && report.output().equals(t.output());
    }
}
