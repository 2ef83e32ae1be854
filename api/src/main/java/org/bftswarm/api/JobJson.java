package org.bftswarm.api;

import java.util.List;

/**
 * A job as the API shows it (issue 4: {@code {"id","name","status","tasks":[…],…}}). Times are the
 * consensus batch timestamps (epoch millis) at which the scheduler saw the events, null if not yet.
 */
public record JobJson(
        String id, String name, JobStatusJson status, List<TaskJson> tasks, Long submittedAt, Long finishedAt) {
    public JobJson {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
