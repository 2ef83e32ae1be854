package org.bftswarm.api;

import java.util.List;

/**
 * A job as the API shows it (issue 4: {@code {"id","name","status","tasks":[…],…}}). Times are the
 * consensus batch timestamps (epoch millis) at which the scheduler saw the events, null if not yet.
 */
public record JobView(
        String id, String name, JobStatus status, List<TaskView> tasks, Long submittedAt, Long finishedAt) {
    public JobView {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
