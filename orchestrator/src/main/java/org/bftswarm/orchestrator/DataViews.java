package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.ShardRange;
import org.bftswarm.orchestrator.spec.ShardReduce;
import org.bftswarm.orchestrator.view.DataView;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * A data job's {@link DataView}: the reduced result from the replicated record once there is one;
 * while the job is PARTIAL (deadline passed, some shards done), the reduction of the shards that
 * succeeded, in shard order, and the indexes of the others. Derived from replicated state and the
 * batch clock only, so every replica shows the same view at the same sequence.
 */
final class DataViews {
    private DataViews() {}

    static DataView of(JobRecord job, List<TaskRecord> tasks, JobStatus status, ModuleFolds folds) {
        DataSpec data = job.spec.data();
        int len = data.elementCount();
        List<DataView.ShardView> shards = new ArrayList<>();
        List<TaskRecord> done = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (TaskRecord t : tasks) {
            ShardRange range = ShardRange.of(len, tasks.size(), t.index);
            boolean succeeded = t.state == TaskState.SUCCEEDED;
            String result = succeeded || t.state.isTerminal() ? t.output : null;
            shards.add(new DataView.ShardView(t.index, range.start(), range.end(), t.node, result, t.state));
            if (succeeded) {
                done.add(t);
            } else {
                missing.add(t.index);
            }
        }
        if (job.result != null || job.resultError != null) {
            return new DataView(job.result, job.resultError, false, shards, List.of());
        }
        if (status == JobStatus.PARTIAL && !done.isEmpty()) {
            ShardReduce.Result partial = ShardReduction.reduce(data, done, folds);
            return new DataView(partial.json(), partial.error(), true, shards, missing);
        }
        return new DataView(null, null, false, shards, missing);
    }
}
