package org.bftswarm.api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/jobs} exactly as it arrived: one field per job-spec field, null
 * where the client left it out. It carries the spec and holds no rule of its own: defaults, limits
 * and normalisation belong to the scheduler's job-spec rulebook, which the {@link ClusterPort}
 * applies (and reports as INVALID_SPEC naming each field). The API only checks JSON types.
 */
public record JobSubmission(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        Double cpus,
        Long memoryMb,
        Integer timeoutSeconds,
        Integer retries,
        Integer backoffSeconds,
        Integer count,
        Map<String, String> constraints,
        String network,
        String verification) {

    /** A submission with only an image and a command; every other field is left to the defaults. */
    public static JobSubmission of(String image, List<String> command) {
        return new JobSubmission(null, image, command, null, null, null, null, null, null, null, null, null, null);
    }
}
