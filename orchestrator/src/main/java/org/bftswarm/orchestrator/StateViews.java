package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.MineSpec;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.ChainBlock;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.MineView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Read-only projections of {@link SchedulerState} into immutable views for the API and the worker;
 * nothing here mutates state, and job status is derived at the state's own batch clock so that
 * every replica at the same sequence answers alike.
 */
final class StateViews {

    private final SchedulerState state;
    private final ModuleFolds folds = WasmFolds::fold;

    StateViews(SchedulerState state) {
        this.state = state;
    }

    Optional<JobView> job(String id) {
        JobRecord job = id == null ? null : state.jobs.get(id);
        return Optional.ofNullable(job).map(this::jobView);
    }

    /** Every job, oldest submission first. */
    List<JobView> jobs() {
        return state.jobs.values().stream()
                .sorted(Comparator.comparingLong(j -> j.number))
                .map(this::jobView)
                .toList();
    }

    Optional<TaskView> task(String id) {
        TaskRecord task = id == null ? null : state.tasks.get(id);
        return Optional.ofNullable(task).map(this::taskView);
    }

    List<NodeView> nodes() {
        return state.nodes.values().stream().map(this::nodeView).toList();
    }

    /** Tasks node {@code nodeId} must be running now (ASSIGNED or RUNNING there), by task id. */
    List<Assignment> assignmentsFor(int nodeId) {
        NodeRecord node = state.nodes.get(nodeId);
        if (node == null) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        for (String taskId : node.activeTasks) {
            TaskRecord task = state.tasks.get(taskId);
            out.add(assignment(task, task.runs.get(nodeId), state.jobs.get(task.jobId).spec));
        }
        return out;
    }

    private static Assignment assignment(TaskRecord task, RunRecord run, JobSpec spec) {
        return new Assignment(
                task.id,
                task.jobId,
                run.attempt(),
                run.started() ? TaskState.RUNNING : TaskState.ASSIGNED,
                spec,
                run.node());
    }

    private JobView jobView(JobRecord job) {
        List<TaskRecord> records = job.taskIds().stream().map(state.tasks::get).toList();
        List<TaskView> tasks = records.stream().map(this::taskView).toList();
        JobStatus status = statusOf(job, tasks.stream().map(TaskView::state).toList());
        return new JobView(
                job.id,
                job.number,
                job.spec.name(),
                status,
                job.submitter,
                job.submittedBy,
                job.submittedAtMillis,
                job.deadlineMillis,
                job.spec,
                tasks,
                job.spec.hasData() ? DataViews.of(job, records, status, folds) : null,
                job.mine == null ? null : mineView(job));
    }

    private static MineView mineView(JobRecord job) {
        MineProgress p = job.mine;
        MineSpec spec = job.spec.mine();
        long count = spec.unitCount();
        return new MineView(
                spec.target().hex(),
                spec.unitSize(),
                count == Long.MAX_VALUE ? null : count,
                p.nextUnit,
                p.unitsDone,
                p.noncesCovered,
                p.reassigned,
                p.falseClaims,
                p.outcome,
                p.nonce,
                p.extraNonce,
                p.hash,
                p.merkle,
                p.miner);
    }

    /** The mined chain, oldest block first. */
    List<ChainBlock> chain() {
        return List.copyOf(state.chain);
    }

    /** A job's status at the current batch time. */
    JobStatus status(JobRecord job) {
        List<TaskState> states =
                job.taskIds().stream().map(id -> state.tasks.get(id).state).toList();
        return statusOf(job, states);
    }

    /** The tasks' status, except that a data job whose shard results cannot be reduced has FAILED. */
    private JobStatus statusOf(JobRecord job, List<TaskState> states) {
        if (job.mine != null) {
            return mineStatus(job, states);
        }
        JobStatus derived = JobStatusRules.derive(states, job.deadlineMillis, state.clockMillis);
        return derived == JobStatus.COMPLETE && job.resultError != null ? JobStatus.FAILED : derived;
    }

    /** A mine job's status: how its search ended, else RUNNING once a unit was placed or done, else PENDING. */
    private static JobStatus mineStatus(JobRecord job, List<TaskState> states) {
        MineProgress p = job.mine;
        if (p.outcome != null) {
            return switch (p.outcome) {
                case MineProgress.SOLVED -> JobStatus.COMPLETE;
                case MineProgress.NOT_FOUND -> JobStatus.NOT_FOUND;
                case MineProgress.CANCELLED -> JobStatus.CANCELLED;
                default -> JobStatus.FAILED;
            };
        }
        boolean anyPlaced = p.unitsDone > 0 || states.stream().anyMatch(s -> s != TaskState.PENDING);
        return anyPlaced ? JobStatus.RUNNING : JobStatus.PENDING;
    }

    TaskView taskView(TaskRecord t) {
        JobSpec spec = state.jobs.get(t.jobId).spec;
        return new TaskView(
                t.id,
                t.jobId,
                t.index,
                t.state,
                t.attempt,
                t.node,
                t.containerId,
                t.exitCode,
                t.outputDigest,
                t.output,
                t.outputTruncated,
                t.reason,
                t.failures,
                t.assignedAtMillis,
                t.startedAtMillis,
                t.retryAtMillis,
                t.finishedAtMillis,
                List.copyOf(t.history),
                List.copyOf(t.verifiedBy),
                List.copyOf(t.disputedBy),
                t.runs.values().stream().map(r -> assignment(t, r, spec)).toList());
    }

    private NodeView nodeView(NodeRecord n) {
        return new NodeView(
                n.id,
                n.state,
                n.milliCpus / 1000.0,
                n.memoryMb,
                n.usedMilliCpus / 1000.0,
                n.usedMemoryMb,
                n.activeTasks.size(),
                Collections.unmodifiableSortedMap(new TreeMap<>(n.labels)),
                n.sinceMillis,
                n.timesDown,
                state.suspicions.currentSuspectors(n.id, state.clockMillis, state.config.suspicionWindowMillis()),
                n.disputedResults,
                n.quarantined);
    }
}
