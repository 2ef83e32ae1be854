package org.bftswarm.orchestrator;

import java.util.ArrayList;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.MineSpec;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Drives every open mine job after each operation, before placement: a unit whose task ended
 * with an accepted report that is no verified claim ({@code none}, under the job's verification) holds
 * no solution: it is counted and its record dropped; a
 * unit that failed for good fails the job; a job that was cancelled, or whose explicit range is
 * spent, ends (CANCELLED, NOT_FOUND). Then each open job is topped up to {@code unitsPerNode} units
 * per node that accepts work, next unit first, so a node that joins gets units at once and a unit
 * whose node went down is placed again by the ordinary rules. With automatic mining on, a block job
 * is ordered whenever none is open and {@code intervalSeconds} of batch time have passed since the
 * last block was mined (at once when the chain is empty), its data naming the height and the head.
 */
final class MineSearch {
    static final String AUTO_PREFIX = "block-";
    /** Who submitted an automatically mined block job. */
    static final String AUTO_SUBMITTER = "auto-mining";
    /** Auto-mined units retry this often before the block job fails. */
    static final int AUTO_RETRIES = 5;

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;

    MineSearch(SchedulerState state, TaskLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    void run() {
        autoMine();
        if (state.openMineJobs.isEmpty()) {
            return;
        }
        for (String jobId : new ArrayList<>(state.openMineJobs)) {
            JobRecord job = state.jobs.get(jobId);
            settle(job);
            if (job.mine.open()) {
                topUp(job);
            } else {
                state.openMineJobs.remove(jobId);
            }
        }
    }

    private void settle(JobRecord job) {
        MineProgress p = job.mine;
        MineSpec spec = job.spec.mine();
        for (Long unit : new ArrayList<>(p.live)) {
            TaskRecord task = state.tasks.get(JobRecord.taskId(job.id, Math.toIntExact(unit)));
            if (task.state == TaskState.SUCCEEDED) {
                p.live.remove(unit);
                state.tasks.remove(task.id);
                p.unitsDone++;
                p.noncesCovered += spec.unit(unit).size();
            } else if (task.state == TaskState.FAILED || task.state == TaskState.DISPUTED) {
                end(job, MineProgress.FAILED, "unit " + unit + " " + task.state + ": " + task.reason);
                return;
            }
        }
        if (job.cancelled) {
            end(job, MineProgress.CANCELLED, "cancelled");
        } else if (p.live.isEmpty() && p.nextUnit >= spec.unitCount()) {
            end(job, MineProgress.NOT_FOUND, "no nonce in the range meets the target");
        }
    }

    /** Ends the search: every unit still open is cancelled (its workers stop hashing). */
    void end(JobRecord job, String outcome, String detail) {
        job.mine.outcome = outcome;
        for (String taskId : job.taskIds()) {
            lifecycle.cancel(state.tasks.get(taskId));
        }
        state.openMineJobs.remove(job.id);
        state.jobsWithNewlyTerminalTasks.add(job.id);
        state.emit("job", job.id, outcome, null, job.mine.miner, detail);
    }

    private void topUp(JobRecord job) {
        MineProgress p = job.mine;
        long nodes =
                state.nodes.values().stream().filter(NodeRecord::acceptsWork).count();
        long wanted = Math.max(1, nodes) * state.mining.unitsPerNode();
        long open = p.live.stream()
                .filter(u -> !state.tasks
                        .get(JobRecord.taskId(job.id, Math.toIntExact(u)))
                        .state
                        .isTerminal())
                .count();
        long total = job.spec.mine().unitCount();
        while (open < wanted && p.nextUnit < total && p.nextUnit < Integer.MAX_VALUE) {
            long unit = p.nextUnit++;
            TaskRecord task = TaskRecord.pending(JobRecord.taskId(job.id, (int) unit), job.id, job.number, (int) unit);
            state.tasks.put(task.id, task);
            state.pendingQueue.add(task);
            p.live.add(unit);
            open++;
        }
    }

    private void autoMine() {
        MiningConfig m = state.mining;
        if (!m.autoEnabled() || state.nodes.isEmpty()) {
            return;
        }
        for (String id : state.openMineJobs) {
            if (AUTO_SUBMITTER.equals(state.jobs.get(id).submittedBy)) {
                return;
            }
        }
        if (!state.chain.isEmpty()
                && state.clockMillis
                        < state.chain.get(state.chain.size() - 1).minedAtMillis() + m.intervalSeconds() * 1000L) {
            return;
        }
        long height = state.chain.size() + 1L;
        String id = AUTO_PREFIX + height + "-" + state.nextJobNumber;
        MineSpec mine = MineSpec.ofText("block " + height + " after " + state.chainHead(), m.difficulty());
        JobSpec spec = new JobSpec(
                        id,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        AUTO_RETRIES,
                        null,
                        null,
                        null,
                        null,
                        state.config.defaultVerification(),
                        null,
                        null,
                        mine)
                .normalized();
        spec = spec.withMine(spec.mine().resolved(state.chainHead(), state.clockMillis / 1000));
        long number = state.nextJobNumber++;
        JobRecord job = JobRecord.of(id, number, spec, -1, AUTO_SUBMITTER, null, state.clockMillis);
        state.addJob(job);
        state.openMineJobs.add(id);
        state.emit("job", id, "SUBMITTED", null, null, spec.name());
    }
}
