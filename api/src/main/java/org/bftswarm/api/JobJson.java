package org.bftswarm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A job in the API's JSON: {@code {"id","name","status","tasks":[…],"submittedAt","finishedAt","submittedBy"}}
 * and, for a job over a dataset, {@code "result"} (the reduced value, or while PARTIAL the reduction of
 * the shards done), {@code "resultError"}, {@code "shards":[{index, range, node, result, state}]} and
 * {@code "missingShards"}; for a mine job {@code "mine"} (target, units issued and done, nonces covered, units
 * placed again, false claims refused, and once ended the outcome, nonce, hash, merkle root and miner);
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
        String submittedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode result,
        @JsonInclude(JsonInclude.Include.NON_NULL) String resultError,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ShardJson> shards,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> missingShards,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode mine) {
    @JsonCreator
    public JobJson {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        shards = shards == null ? null : List.copyOf(shards);
        missingShards = missingShards == null ? null : List.copyOf(missingShards);
    }

    /** A job without data: no result, no shards. */
    public JobJson(
            String id,
            String name,
            JobStatusJson status,
            List<TaskJson> tasks,
            Long submittedAt,
            Long finishedAt,
            String submittedBy) {
        this(id, name, status, tasks, submittedAt, finishedAt, submittedBy, null, null, null, null, null);
    }

    /** A job that mines nothing. */
    public JobJson(
            String id,
            String name,
            JobStatusJson status,
            List<TaskJson> tasks,
            Long submittedAt,
            Long finishedAt,
            String submittedBy,
            JsonNode result,
            String resultError,
            List<ShardJson> shards,
            List<Integer> missingShards) {
        this(
                id,
                name,
                status,
                tasks,
                submittedAt,
                finishedAt,
                submittedBy,
                result,
                resultError,
                shards,
                missingShards,
                null);
    }

    /** Whether this is a data job (its tasks are the shards of a dataset). */
    @JsonIgnore
    public boolean carriesShards() {
        return shards != null;
    }
}
