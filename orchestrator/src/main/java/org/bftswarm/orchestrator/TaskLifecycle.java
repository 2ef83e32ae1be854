package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.verify.ResultQuorum;
import org.bftswarm.orchestrator.verify.ResultQuorum.Verdict;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Every state transition of a task, in one place so that the derived indexes (placement queue, node
 * usage) always move with the records. A task's work is a round of runs judged by its job's
 * {@link ResultQuorum}: place runs on distinct nodes (each with a new attempt number), start them,
 * collect their reports, lose those that time out, evict those on a node that went DOWN; once the
 * quorum accepts a result the round ends as success or as a failure that retries after backoff while
 * retries remain, and reports that disagreed with the accepted result are recorded against their nodes.
 * A round that cannot reach a quorum ends DISPUTED (every run reported, no match) or as a failure
 * (runs lost). Cancel ends everything.
 */
final class TaskLifecycle {

    private final SchedulerState state;
    private final EvictionRule evictionRule;
    private final RunEligibility eligibility;

    TaskLifecycle(SchedulerState state) {
        this(state, EvictionRule.REQUEUE, RunEligibility.ONE_LIVE_RUN_PER_NODE);
    }

    TaskLifecycle(SchedulerState state, EvictionRule evictionRule, RunEligibility eligibility) {
        this.state = state;
        this.evictionRule = evictionRule;
        this.eligibility = eligibility;
    }

    private ResultQuorum quorumOf(TaskRecord task) {
        return state.quorumOf(task);
    }

    int wantedRuns(TaskRecord task) {
        return state.wantedRuns(task);
    }

    /** Whether {@code node} may take another run of the task in its current round. */
    boolean mayRunOn(TaskRecord task, NodeRecord node) {
        MineProgress mine = state.jobs.get(task.jobId).mine;
        if (mine != null && mine.falseClaimers.contains(node.id)) {
            return false;
        }
        return node.acceptsWork()
                && eligibility.mayRun(
                        task.runs.containsKey(node.id),
                        task.triedNodes.contains(node.id),
                        quorumOf(task).needed() > 1);
    }

    /** One more run of the task on {@code node}, with the next attempt number. */
    void assign(TaskRecord task, NodeRecord node) {
        Invariants.check(wantedRuns(task) > 0, "assign %s in state %s with no run wanted", task.id, task.state);
        Invariants.check(node.state == NodeState.UP, "assign %s to DOWN node %s", task.id, node.id);
        Invariants.check(mayRunOn(task, node), "assign %s twice to node %s in one round", task.id, node.id);
        JobRecord job = state.jobs.get(task.jobId);
        if (task.runs.isEmpty() && task.votes.isEmpty() && task.lostRuns == 0) {
            clearResult(task);
        }
        task.attempt++;
        task.runs.put(node.id, RunRecord.assigned(task.attempt, node.id, state.clockMillis));
        task.triedNodes.add(node.id);
        if (task.state == TaskState.PENDING) {
            task.state = TaskState.ASSIGNED;
        }
        task.node = node.id;
        task.assignedAtMillis = state.clockMillis;
        if (task.state != TaskState.RUNNING) { // a RUNNING task keeps its started run's start time
            task.startedAtMillis = null;
            task.containerId = null;
        }
        node.activeTasks.add(task.id);
        node.usedMilliCpus += job.spec.milliCpus();
        node.usedMemoryMb += job.spec.memoryDemandMb();
        requeue(task);
        state.emitTask(task, "assigned");
    }

    /** The worker started the run's container: the task is RUNNING. */
    void markStarted(TaskRecord task, RunRecord run, String containerId) {
        Invariants.check(task.state.isActive(), "start %s in state %s", task.id, task.state);
        Invariants.check(!run.started(), "start %s attempt %s twice", task.id, run.attempt());
        task.runs.put(run.node(), run.start(state.clockMillis, containerId));
        task.state = TaskState.RUNNING;
        task.node = run.node();
        task.startedAtMillis = state.clockMillis;
        task.containerId = containerId;
        state.emitTask(task, containerId);
    }

    /** The run's worker reported its result: one vote of the round. */
    void report(TaskRecord task, RunRecord run, ResultVote vote) {
        Invariants.check(task.state.isActive(), "report for %s in state %s", task.id, task.state);
        release(task, run);
        task.votes.add(vote);
        task.remember(new AttemptView(
                run.attempt(),
                run.node(),
                outcome(vote.exitCode()),
                vote.exitCode(),
                vote.reason(),
                state.clockMillis));
        decide(task, vote.reason());
    }

    /** The run outlived its timeout with no report: it uses up a run of the round but is no vote. */
    void lose(TaskRecord task, RunRecord run, String reason) {
        Invariants.check(task.state.isActive(), "lose a run of %s in state %s", task.id, task.state);
        release(task, run);
        task.lostRuns++;
        task.remember(new AttemptView(run.attempt(), run.node(), "timeout", null, reason, state.clockMillis));
        decide(task, reason);
    }

    /**
     * The run's node went DOWN: the run is dead and another node takes its place. The run cast no vote
     * and never can (a report of its attempt is stale now), so its node no longer counts as tried in
     * the round: once UP again it may take the round's run. Otherwise a quorum round whose runs keep
     * being evicted runs out of eligible nodes, and as an eviction is no lost run it never ends either.
     */
    void evict(TaskRecord task, int nodeId, String reason) {
        Invariants.check(task.state.isActive(), "evict %s in state %s", task.id, task.state);
        RunRecord run = task.runs.get(nodeId);
        Invariants.check(run != null, "evict %s from node %s where it has no run", task.id, nodeId);
        release(task, run);
        MineProgress mine = state.jobs.get(task.jobId).mine;
        if (mine != null) {
            mine.reassigned++;
        }
        task.triedNodes.remove(nodeId);
        task.remember(new AttemptView(run.attempt(), nodeId, "node-down", null, reason, state.clockMillis));
        if (task.runs.isEmpty()) {
            task.state = TaskState.PENDING;
            task.node = null;
            task.containerId = null;
        } else if (!task.anyRunStarted()) {
            task.state = TaskState.ASSIGNED;
        }
        if (evictionRule.requeues()) {
            requeue(task);
        }
        state.emitTask(task, reason);
    }

    /**
     * A report whose result the state machine checked itself (a verified mining solution): it ends the
     * round as accepted whatever the quorum, and reports of the round that differ from it count as
     * disagreements when the job is quorum-verified.
     */
    void acceptVerified(TaskRecord task, RunRecord run, ResultVote vote) {
        Invariants.check(task.state.isActive(), "verified report for %s in state %s", task.id, task.state);
        release(task, run);
        task.votes.add(vote);
        task.remember(new AttemptView(
                run.attempt(), run.node(), "succeeded", vote.exitCode(), "verified", state.clockMillis));
        accept(task, vote.key(), quorumOf(task));
    }

    /** A report the state machine found false: the run is dropped, no vote, and the task wants a run again. */
    void refuseClaim(TaskRecord task, RunRecord run, String reason) {
        Invariants.check(task.state.isActive(), "refuse a report of %s in state %s", task.id, task.state);
        release(task, run);
        task.remember(new AttemptView(run.attempt(), run.node(), "refused", null, reason, state.clockMillis));
        if (task.runs.isEmpty()) {
            task.state = TaskState.PENDING;
            task.node = null;
            task.containerId = null;
        } else if (!task.anyRunStarted()) {
            task.state = TaskState.ASSIGNED;
        }
        requeue(task);
        state.emitTask(task, reason);
    }

    /** BACKOFF → PENDING once the retry time has come: a fresh round. */
    void retryNow(TaskRecord task) {
        Invariants.check(task.state == TaskState.BACKOFF, "retry %s in state %s", task.id, task.state);
        state.retryQueue.remove(task);
        task.retryAtMillis = null;
        task.state = TaskState.PENDING;
        task.node = null;
        requeue(task);
        state.emitTask(task, "retry");
    }

    /** Any non-terminal state → CANCELLED; running containers are killed by their workers. */
    void cancel(TaskRecord task) {
        if (task.state.isTerminal()) {
            return;
        }
        if (task.state.isActive()) {
            for (RunRecord run : new ArrayList<>(task.runs.values())) {
                release(task, run);
                task.remember(
                        new AttemptView(run.attempt(), run.node(), "cancelled", null, "cancelled", state.clockMillis));
            }
        } else if (task.state == TaskState.BACKOFF) {
            state.retryQueue.remove(task);
            task.retryAtMillis = null;
        }
        state.pendingQueue.remove(task);
        task.state = TaskState.CANCELLED;
        task.finishedAtMillis = state.clockMillis;
        state.jobsWithNewlyTerminalTasks.add(task.jobId);
        task.reason = "cancelled";
        state.emitTask(task, "cancelled");
    }

    /** Judges the round after a report or a lost run, and moves the task on accordingly. */
    private void decide(TaskRecord task, String lastReason) {
        ResultQuorum quorum = quorumOf(task);
        Verdict verdict = quorum.judge(task.voteKeys(), task.lostRuns, task.runs.size());
        if (verdict instanceof Verdict.Accepted accepted) {
            accept(task, accepted.key(), quorum);
        } else if (verdict instanceof Verdict.Disputed) {
            dispute(task);
        } else if (verdict instanceof Verdict.Exhausted) {
            endRound(task);
            String reason = task.votes.isEmpty()
                    ? lastReason
                    : "no " + quorum.needed() + " matching results: " + task.votes.size() + " reports, " + task.lostRuns
                            + " runs lost";
            conclude(task, null, null, null, false, reason);
        } else {
            if (task.runs.isEmpty()) {
                task.state = TaskState.PENDING;
                task.node = null;
                task.containerId = null;
            } else if (!task.anyRunStarted()) {
                task.state = TaskState.ASSIGNED;
            }
            requeue(task);
            state.emitTask(task, "reported");
        }
    }

    private void accept(TaskRecord task, String key, ResultQuorum quorum) {
        ResultVote result =
                task.votes.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
        TreeSet<Integer> matched = new TreeSet<>();
        TreeSet<Integer> differed = new TreeSet<>();
        for (ResultVote v : task.votes) {
            (v.key().equals(key) ? matched : differed).add(v.node());
        }
        if (quorum.needed() > 1) {
            for (ResultVote v : task.votes) {
                if (!v.key().equals(key)) {
                    state.recordDisagreement(v.node(), task.id, v.attempt(), v.key(), key);
                }
            }
        }
        endRound(task);
        task.verifiedBy = matched;
        task.disputedBy = differed;
        task.node = result.node();
        conclude(
                task,
                result.exitCode(),
                result.outputDigest(),
                result.output(),
                result.outputTruncated(),
                result.reason());
    }

    private void dispute(TaskRecord task) {
        List<String> seen = new ArrayList<>();
        TreeSet<Integer> voters = new TreeSet<>();
        for (ResultVote v : task.votes) {
            seen.add("node " + v.node() + ": " + v.key().substring(0, 12));
            voters.add(v.node());
        }
        endRound(task);
        clearResult(task);
        task.disputedBy = voters;
        task.reason = "disputed: no " + quorumOf(task).needed() + " matching results among " + voters.size()
                + " reports (" + String.join(", ", seen) + ")";
        task.state = TaskState.DISPUTED;
        task.finishedAtMillis = state.clockMillis;
        state.jobsWithNewlyTerminalTasks.add(task.jobId);
        state.emitTask(task, task.reason);
    }

    /** The round's result is known: success, or a failure that retries while retries remain. */
    private void conclude(
            TaskRecord task, Integer exitCode, String outputDigest, String output, boolean truncated, String reason) {
        JobRecord job = state.jobs.get(task.jobId);
        task.exitCode = exitCode;
        task.outputDigest = outputDigest;
        task.output = output;
        task.outputTruncated = truncated;
        task.reason = reason;
        boolean success = exitCode != null && exitCode == 0;
        if (success) {
            task.state = TaskState.SUCCEEDED;
            task.finishedAtMillis = state.clockMillis;
            state.jobsWithNewlyTerminalTasks.add(task.jobId);
        } else {
            task.failures++;
            if (task.failures <= job.spec.retries()) {
                task.state = TaskState.BACKOFF;
                task.retryAtMillis = state.clockMillis
                        + RetryBackoff.delayMillis(
                                job.spec.backoffSeconds(), task.failures, state.config.maxBackoffMillis());
                state.retryQueue.add(task);
            } else {
                task.state = TaskState.FAILED;
                task.finishedAtMillis = state.clockMillis;
                state.jobsWithNewlyTerminalTasks.add(task.jobId);
            }
        }
        state.emitTask(task, reason);
    }

    /** Ends the current round: runs still in flight are superseded and the round's records cleared. */
    private void endRound(TaskRecord task) {
        for (RunRecord run : new ArrayList<>(task.runs.values())) {
            release(task, run);
            task.remember(new AttemptView(
                    run.attempt(), run.node(), "superseded", null, "result decided", state.clockMillis));
        }
        state.pendingQueue.remove(task);
        task.votes = new ArrayList<>();
        task.lostRuns = 0;
        task.triedNodes = new TreeSet<>();
    }

    /** Keeps the placement queue in step with {@link #wantedRuns}. */
    private void requeue(TaskRecord task) {
        if (wantedRuns(task) > 0) {
            state.pendingQueue.add(task);
        } else {
            state.pendingQueue.remove(task);
        }
    }

    private static void clearResult(TaskRecord task) {
        task.exitCode = null;
        task.outputDigest = null;
        task.output = null;
        task.outputTruncated = false;
        task.reason = null;
        task.verifiedBy = new TreeSet<>();
        task.disputedBy = new TreeSet<>();
    }

    private static String outcome(Integer exitCode) {
        return exitCode != null && exitCode == 0 ? "succeeded" : "failed";
    }

    /** Frees the node's resources held by one run of the task. */
    private void release(TaskRecord task, RunRecord run) {
        NodeRecord node = state.node(run.node());
        Invariants.check(node != null, "run of %s on unknown node %s", task.id, run.node());
        JobRecord job = state.jobs.get(task.jobId);
        RunRecord removed = task.runs.remove(run.node());
        Invariants.check(removed != null, "task %s has no run on node %s", task.id, run.node());
        boolean wasActive = node.activeTasks.remove(task.id);
        Invariants.check(wasActive, "task %s not in node %s active set", task.id, node.id);
        node.usedMilliCpus -= job.spec.milliCpus();
        node.usedMemoryMb -= job.spec.memoryDemandMb();
        Invariants.check(node.usedMilliCpus >= 0 && node.usedMemoryMb >= 0, "node %s usage went negative", node.id);
    }
}
