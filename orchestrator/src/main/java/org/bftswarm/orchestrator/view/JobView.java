package org.bftswarm.orchestrator.view;

import java.util.List;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * Read-only picture of one job for the API: its derived {@link JobStatus} at the scheduler's
 * current batch time, its normalised spec, its tasks in index order and, for a data job, its shards
 * and result; for a mine job its search.
 */
public record JobView(
        String id,
        long number,
        String name,
        JobStatus status,
        int submitter,
        String submittedBy,
        long submittedAtMillis,
        long deadlineMillis,
        JobSpec spec,
        List<TaskView> tasks,
        DataView data,
        MineView mine) {

    /** A job that mines nothing. */
    public JobView(
            String id,
            long number,
            String name,
            JobStatus status,
            int submitter,
            String submittedBy,
            long submittedAtMillis,
            long deadlineMillis,
            JobSpec spec,
            List<TaskView> tasks,
            DataView data) {
        this(
                id,
                number,
                name,
                status,
                submitter,
                submittedBy,
                submittedAtMillis,
                deadlineMillis,
                spec,
                tasks,
                data,
                null);
    }

    /** A job without data. */
    public JobView(
            String id,
            long number,
            String name,
            JobStatus status,
            int submitter,
            String submittedBy,
            long submittedAtMillis,
            long deadlineMillis,
            JobSpec spec,
            List<TaskView> tasks) {
        this(id, number, name, status, submitter, submittedBy, submittedAtMillis, deadlineMillis, spec, tasks, null);
    }
}
