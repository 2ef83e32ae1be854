package org.bftswarm.api;

import java.util.List;

/**
 * One task of a job in the API's JSON:
 * {@code {id,node,state,attempt,exitCode,output,verifiedBy,disputedBy,outputDigest,reason}}.
 *
 * @param id       task id
 * @param node     node the current attempt is placed on, or null while unplaced
 * @param state    the scheduler's task state name (e.g. PENDING, RUNNING, SUCCEEDED, FAILED)
 * @param attempt  attempt number of the current placement (1-based)
 * @param exitCode exit code of the accepted result, or null while unfinished
 * @param output   bounded output of the accepted result, or null while unfinished
 * @param verifiedBy nodes whose reports matched the accepted result (one node under verification none)
 * @param disputedBy nodes whose reports differed from it (or, for a DISPUTED task, every reporter)
 * @param outputDigest SHA-256 (hex) of the accepted result's whole output, which a served log must match
 * @param reason   how the accepted result's attempt ended as its node reported it ({@code exited}, or the
 *                 agent's reason such as {@code oom: …} or {@code timeout: …}), or null while unfinished
 */
public record TaskJson(
        String id,
        Integer node,
        String state,
        int attempt,
        Integer exitCode,
        String output,
        List<Integer> verifiedBy,
        List<Integer> disputedBy,
        String outputDigest,
        String reason) {
    public TaskJson {
        verifiedBy = verifiedBy == null ? List.of() : List.copyOf(verifiedBy);
        disputedBy = disputedBy == null ? List.of() : List.copyOf(disputedBy);
    }

    /** A task without a reported reason. */
    public TaskJson(
            String id,
            Integer node,
            String state,
            int attempt,
            Integer exitCode,
            String output,
            List<Integer> verifiedBy,
            List<Integer> disputedBy,
            String outputDigest) {
        this(id, node, state, attempt, exitCode, output, verifiedBy, disputedBy, outputDigest, null);
    }
}
