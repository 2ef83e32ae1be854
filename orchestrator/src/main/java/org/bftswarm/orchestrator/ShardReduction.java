package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.ShardReduce;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Reduces a data job once every shard is accepted: in the state machine, in shard order (every shard
 * once: {@link ShardSelection#ALL}), by {@link ShardReduce}, so every replica holds the same result; a
 * module function runs through {@link ModuleFolds} (interpreted, fuel-bounded). A job with a shard that
 * did not succeed gets no result. Runs after each operation over the jobs whose tasks became terminal
 * in it.
 */
final class ShardReduction {

    private final SchedulerState state;
    private final ModuleFolds folds;
    private final ShardSelection selection;

    ShardReduction(SchedulerState state, ModuleFolds folds, ShardSelection selection) {
        this.state = state;
        this.folds = folds;
        this.selection = selection;
    }

    void run() {
        for (String jobId : state.jobsWithNewlyTerminalTasks) {
            JobRecord job = state.jobs.get(jobId);
            if (job == null || !job.spec.hasData() || job.result != null || job.resultError != null) {
                continue;
            }
            List<TaskRecord> tasks =
                    job.taskIds().stream().map(state.tasks::get).toList();
            if (!tasks.stream().allMatch(t -> t.state == TaskState.SUCCEEDED)) {
                continue;
            }
            List<TaskRecord> folded =
                    selection.indexes(tasks.size()).stream().map(tasks::get).toList();
            ShardReduce.Result r = reduce(job.spec.data(), folded, folds);
            job.result = r.json();
            job.resultError = r.error();
            state.emit(
                    "job", job.id, "REDUCED", null, null, r.error() != null ? r.error() : "result " + clip(r.json()));
        }
    }

    /** The reduction of {@code tasks}' accepted outputs (in index order) by the job's reduce. */
    static ShardReduce.Result reduce(DataSpec data, List<TaskRecord> tasks, ModuleFolds folds) {
        List<Integer> indexes = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (TaskRecord t : tasks) {
            indexes.add(t.index);
            outputs.add(t.output == null ? "" : t.output);
        }
        if (outputs.isEmpty()) {
            return new ShardReduce.Result(null, "no shard results");
        }
        ShardReduce.Fold fold = ShardReduce.isFunction(data.reduce())
                ? folds.fold(data)
                : (a, b) -> {
                    throw new IllegalStateException("not a module function");
                };
        return ShardReduce.reduce(data.reduce(), data.isWasm(), indexes, outputs, fold);
    }

    private static String clip(String s) {
        return s == null ? "none" : s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
