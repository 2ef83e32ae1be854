package org.bftswarm.api;

import java.util.List;

/**
 * A job in the API's JSON: {@code {"id","name","status","tasks":[…],"submittedAt","finishedAt","submittedBy"}};
 * {@code submittedBy} is {@code client:NAME} for an operation the client signed, {@code token@NODE} for a
 * bearer-token submission (which trusts that node), {@code node N} for a node's own. Times
 * are the consensus batch timestamps (epoch millis) at which the scheduler saw the events, null if not
 * yet. The scheduler's own picture of a job is {@code orchestrator.view.JobView}; the node maps one
 * to the other.
 */
public record JobJson(
        String id,
        String name,
        JobStatusJson status,
        List<TaskJson> tasks,
        Long submittedAt,
        Long finishedAt,
        String submittedBy) {
    public JobJson {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
