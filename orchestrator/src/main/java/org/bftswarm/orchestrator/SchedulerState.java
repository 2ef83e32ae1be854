package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.verify.ResultQuorum;
import org.bftswarm.orchestrator.verify.ResultQuorum.Verdict;
import org.bftswarm.orchestrator.view.ChainBlock;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * The whole replicated scheduler state, everything PBFT orders: jobs, tasks and
 * nodes in TreeMaps, suspicion votes, the batch clock and the job counter. The pending queue, the
 * retry queue and each node's usage are derived indexes, rebuilt by {@link #rebuildIndexes()} and
 * cross-checked by {@link #checkIndexes()}; events of the operation being executed are collected
 * here and handed out by the caller.
 */
final class SchedulerState {

    final SchedulerConfig config;
    long clockMillis;
    long nextJobNumber = 1;
    final TreeMap<String, JobRecord> jobs = new TreeMap<>();
    final TreeMap<String, TaskRecord> tasks = new TreeMap<>();
    final TreeMap<Integer, NodeRecord> nodes = new TreeMap<>();
    SuspicionLedger suspicions = new SuspicionLedger();
    /** The request numbers each signing client has used. */
    TreeMap<String, RequestWindow> clientRequests = new TreeMap<>();
    /** The mined chain, oldest block first. */
    List<ChainBlock> chain = new ArrayList<>();
    /** The cluster's mining parameters (configuration, not state: identical on every replica). */
    MiningConfig mining = MiningConfig.DEFAULTS;
    /** Mine jobs still searching, by id (derived). */
    final TreeSet<String> openMineJobs = new TreeSet<>();

    /** Tasks that want another run placed (PENDING, or active with runs missing), in queue order. */
    final TreeSet<TaskRecord> pendingQueue = new TreeSet<>(TaskRecord.QUEUE_ORDER);
    /** BACKOFF tasks in retry order. */
    final TreeSet<TaskRecord> retryQueue = new TreeSet<>(TaskRecord.RETRY_ORDER);
    /** Jobs whose every task is terminal, by job number (oldest first): candidates for expiry. */
    final TreeMap<Long, FinishedJob> finishedJobs = new TreeMap<>();
    /** The same jobs by the batch time they finished. */
    final TreeSet<FinishedJob> finishedByTime = new TreeSet<>(FinishedJob.BY_FINISH_TIME);
    /** Snapshot bytes of the finished jobs and their tasks, as measured when they finished. */
    long finishedStateBytes;
    /** UTF-8 bytes of the finished jobs' kept task output. */
    long finishedOutputBytes;
    /** Worst-case snapshot bytes of the jobs not finished yet ({@link StateBudget#reservedBytes}). */
    long unfinishedReservedBytes;
    /** Jobs with a task that became terminal during the current operation. */
    final TreeSet<String> jobsWithNewlyTerminalTasks = new TreeSet<>();

    private long currentSequence;
    private final List<SchedulerEvent> events = new ArrayList<>();

    SchedulerState(SchedulerConfig config) {
        this.config = config;
    }

    /** Starts executing one ordered operation: the clock never runs backwards. */
    void beginOperation(long sequence, long timestampMillis) {
        currentSequence = sequence;
        clockMillis = Math.max(clockMillis, timestampMillis);
        events.clear();
        jobsWithNewlyTerminalTasks.clear();
    }

    void emit(String kind, String id, String state, Integer attempt, Integer node, String detail) {
        events.add(new SchedulerEvent(currentSequence, clockMillis, kind, id, state, attempt, node, detail));
    }

    void emitTask(TaskRecord task, String detail) {
        emit("task", task.id, task.state.name(), task.attempt, task.node, detail);
    }

    List<SchedulerEvent> drainEvents() {
        List<SchedulerEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /**
     * A report of {@code node} differed from the result a quorum accepted: recorded as evidence, and
     * the node is quarantined once it has disagreed {@code quarantineAfter} times since its last
     * readmission.
     */
    void recordDisagreement(int nodeId, String taskId, int attempt, String reported, String accepted) {
        NodeRecord node = nodes.get(nodeId);
        Invariants.check(node != null, "disagreement of unknown node %s", nodeId);
        node.disputedResults++;
        node.disputesSinceReadmission++;
        node.rememberDisagreement(new Disagreement(taskId, attempt, reported, accepted, clockMillis));
        emit(
                "node",
                String.valueOf(nodeId),
                node.state.name(),
                attempt,
                nodeId,
                "result of " + taskId + " differed from the accepted one");
        if (!node.quarantined && node.disputesSinceReadmission >= config.quarantineAfter()) {
            node.quarantined = true;
            node.readmitVotes = new TreeSet<>();
            emit(
                    "node",
                    String.valueOf(nodeId),
                    node.state.name(),
                    null,
                    nodeId,
                    "quarantined after " + node.disputesSinceReadmission + " disputed results");
        }
    }

    /** The verification rule of the task's job. */
    ResultQuorum quorumOf(TaskRecord task) {
        return jobs.get(task.jobId).quorum(config.faults());
    }

    /** How many more runs the task should have in flight now (0 unless it is pending or active). */
    int wantedRuns(TaskRecord task) {
        if (task.state != TaskState.PENDING && !task.state.isActive()) {
            return 0;
        }
        Verdict v = quorumOf(task).judge(task.voteKeys(), task.lostRuns, task.runs.size());
        return v instanceof Verdict.Undecided u ? u.wanted() : 0;
    }

    /** The hash the next block builds on: the last mined block's, else the configured genesis hash. */
    String chainHead() {
        return chain.isEmpty()
                ? mining.genesisHash()
                : chain.get(chain.size() - 1).hash();
    }

    NodeRecord node(Integer id) {
        return id == null ? null : nodes.get(id);
    }

    /** A new job: its worst case counts against the state budget until it finishes. */
    void addJob(JobRecord job) {
        jobs.put(job.id, job);
        unfinishedReservedBytes += StateBudget.reservedBytes(job.spec, config);
    }

    /** Whether every task of the job is terminal (and a mine job's search has ended). */
    boolean allTasksTerminal(JobRecord job) {
        if (job.mine != null && job.mine.open()) {
            return false;
        }
        return job.taskIds().stream().allMatch(id -> tasks.get(id).state.isTerminal());
    }

    /** The job's tasks have all ended: its measured size replaces its worst case. */
    void markFinished(JobRecord job) {
        if (finishedJobs.containsKey(job.number)) {
            return;
        }
        FinishedJob entry =
                StateBudget.finished(job, job.taskIds().stream().map(tasks::get).toList());
        finishedJobs.put(entry.number(), entry);
        finishedByTime.add(entry);
        finishedStateBytes += entry.stateBytes();
        finishedOutputBytes += entry.outputBytes();
        unfinishedReservedBytes -= StateBudget.reservedBytes(job.spec, config);
    }

    /** Drops a finished job with its tasks from the replicated state. */
    JobRecord expire(FinishedJob entry) {
        finishedJobs.remove(entry.number());
        finishedByTime.remove(entry);
        finishedStateBytes -= entry.stateBytes();
        finishedOutputBytes -= entry.outputBytes();
        JobRecord job = jobs.remove(entry.id());
        job.taskIds().forEach(tasks::remove);
        return job;
    }

    /** The state-budget estimate: fixed allowance, unfinished jobs at worst case, finished ones as measured. */
    long estimatedBytes() {
        return StateBudget.fixedBytes(config) + unfinishedReservedBytes + finishedStateBytes;
    }

    /** Recomputes every derived index from the replicated records. */
    void rebuildIndexes() {
        pendingQueue.clear();
        retryQueue.clear();
        finishedJobs.clear();
        finishedByTime.clear();
        finishedStateBytes = 0;
        finishedOutputBytes = 0;
        unfinishedReservedBytes = 0;
        nodes.values().forEach(NodeRecord::resetUsage);
        openMineJobs.clear();
        for (JobRecord job : jobs.values()) {
            if (job.mine != null && job.mine.open()) {
                openMineJobs.add(job.id);
            }
            unfinishedReservedBytes += StateBudget.reservedBytes(job.spec, config);
            if (allTasksTerminal(job)) {
                markFinished(job);
            }
        }
        for (TaskRecord task : tasks.values()) {
            if (task.state == TaskState.BACKOFF) {
                retryQueue.add(task);
            }
            if (wantedRuns(task) > 0) {
                pendingQueue.add(task);
            }
            JobRecord job = jobs.get(task.jobId);
            for (RunRecord run : task.runs.values()) {
                NodeRecord node = node(run.node());
                Invariants.check(node != null, "run of %s on unknown node %s", task.id, run.node());
                Invariants.check(node.state == NodeState.UP, "run of %s on DOWN node %s", task.id, run.node());
                node.activeTasks.add(task.id);
                node.usedMilliCpus += job.spec.milliCpus();
                node.usedMemoryMb += job.spec.memoryDemandMb();
            }
        }
    }

    /** Always-on structural check: the derived indexes agree with the records. */
    void checkIndexes() {
        long pending = 0;
        long backoff = 0;
        TreeMap<Integer, Long> cpus = new TreeMap<>();
        TreeMap<Integer, Integer> active = new TreeMap<>();
        for (TaskRecord task : tasks.values()) {
            JobRecord job = jobs.get(task.jobId);
            Invariants.check(job != null, "task %s of unknown job %s", task.id, task.jobId);
            if (wantedRuns(task) > 0) {
                pending++;
                Invariants.check(pendingQueue.contains(task), "task %s wants runs but is not queued", task.id);
            }
            if (task.state == TaskState.BACKOFF) {
                backoff++;
            }
            Invariants.check(
                    task.state.isActive() == !task.runs.isEmpty(),
                    "task %s in state %s has %s runs",
                    task.id,
                    task.state,
                    task.runs.size());
            Invariants.check(
                    !task.state.isActive() || (task.state == TaskState.RUNNING) == task.anyRunStarted(),
                    "task %s is %s but %s of its runs started",
                    task.id,
                    task.state,
                    task.anyRunStarted() ? "some" : "none");
            for (RunRecord run : task.runs.values()) {
                cpus.merge(run.node(), job.spec.milliCpus(), Long::sum);
                active.merge(run.node(), 1, Integer::sum);
            }
        }
        checkFinishedIndex();
        Invariants.check(
                pending == pendingQueue.size(), "pending queue %s != %s pending tasks", pendingQueue.size(), pending);
        Invariants.check(
                backoff == retryQueue.size(), "retry queue %s != %s backoff tasks", retryQueue.size(), backoff);
        for (NodeRecord node : nodes.values()) {
            Invariants.check(
                    node.usedMilliCpus == cpus.getOrDefault(node.id, 0L),
                    "node %s usage %s != %s",
                    node.id,
                    node.usedMilliCpus,
                    cpus.getOrDefault(node.id, 0L));
            Invariants.check(
                    node.activeTasks.size() == active.getOrDefault(node.id, 0),
                    "node %s active set %s != %s",
                    node.id,
                    node.activeTasks.size(),
                    active.getOrDefault(node.id, 0));
        }
    }

    /** The finished-job index and the budget sums agree with the records. */
    private void checkFinishedIndex() {
        long reserved = 0;
        long stateBytes = 0;
        long outputBytes = 0;
        for (JobRecord job : jobs.values()) {
            FinishedJob entry = finishedJobs.get(job.number);
            Invariants.check(
                    (entry != null) == allTasksTerminal(job), "job %s finished but not indexed, or vice versa", job.id);
            if (entry == null) {
                reserved += StateBudget.reservedBytes(job.spec, config);
            } else {
                Invariants.check(entry.id().equals(job.id), "finished index of job %s names %s", job.id, entry.id());
                stateBytes += entry.stateBytes();
                outputBytes += entry.outputBytes();
            }
        }
        Invariants.check(finishedJobs.size() == finishedByTime.size(), "finished indexes differ in size");
        Invariants.check(
                reserved == unfinishedReservedBytes
                        && stateBytes == finishedStateBytes
                        && outputBytes == finishedOutputBytes,
                "state budget sums %s/%s/%s != %s/%s/%s",
                unfinishedReservedBytes,
                finishedStateBytes,
                finishedOutputBytes,
                reserved,
                stateBytes,
                outputBytes);
    }
}
