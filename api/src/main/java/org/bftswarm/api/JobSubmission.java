package org.bftswarm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/jobs} exactly as it arrived: one field per job-spec field (the data
 * fields of a job over a dataset, {@code wasm_base64} to {@code memoryPages}, at the top level as the
 * compute mesh's clients send them; the container hardening options {@code pids}, {@code user} and
 * {@code readOnlyRootfs} likewise), null where the client left it out. It carries the spec and holds no rule of its
 * own: defaults, limits
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
        String verification,
        @JsonProperty("wasm_base64") String wasmBase64,
        long[] dataset,
        List<String> input,
        Integer shards,
        String reduce,
        String entry,
        Integer deadlineSeconds,
        Long fuel,
        Integer memoryPages,
        Integer pids,
        String user,
        Boolean readOnlyRootfs) {

    @JsonCreator
    public JobSubmission {}

    /** A submission whose container takes the default hardening options. */
    public JobSubmission(
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
            String verification,
            String wasmBase64,
            long[] dataset,
            List<String> input,
            Integer shards,
            String reduce,
            String entry,
            Integer deadlineSeconds,
            Long fuel,
            Integer memoryPages) {
        this(
                name,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                retries,
                backoffSeconds,
                count,
                constraints,
                network,
                verification,
                wasmBase64,
                dataset,
                input,
                shards,
                reduce,
                entry,
                deadlineSeconds,
                fuel,
                memoryPages,
                null,
                null,
                null);
    }

    /** A submission without data. */
    public JobSubmission(
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
        this(
                name,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                retries,
                backoffSeconds,
                count,
                constraints,
                network,
                verification,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The compute mesh's request: a module run over {@code dataset}, cut into {@code shards} (null: default). */
    public static JobSubmission wasm(String wasmBase64, long[] dataset, Integer shards, String verification) {
        return new JobSubmission(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                verification,
                wasmBase64,
                dataset,
                null,
                shards,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether any field of a job over a dataset is present. */
    public boolean carriesData() {
        return wasmBase64 != null
                || dataset != null
                || input != null
                || shards != null
                || reduce != null
                || entry != null
                || deadlineSeconds != null
                || fuel != null
                || memoryPages != null;
    }

    /** Whether any container hardening option ({@code pids}, {@code user}, {@code readOnlyRootfs}) is present. */
    public boolean carriesHardening() {
        return pids != null || user != null || readOnlyRootfs != null;
    }

    /** The same submission with the container hardening options {@code pids}, {@code user}, {@code readOnlyRootfs}. */
    public JobSubmission withHardening(Integer pidsLimit, String runAs, Boolean readOnly) {
        return new JobSubmission(
                name,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                retries,
                backoffSeconds,
                count,
                constraints,
                network,
                verification,
                wasmBase64,
                dataset,
                input,
                shards,
                reduce,
                entry,
                deadlineSeconds,
                fuel,
                memoryPages,
                pidsLimit,
                runAs,
                readOnly);
    }

    /** A submission with only an image and a command; every other field is left to the defaults. */
    public static JobSubmission of(String image, List<String> command) {
        return new JobSubmission(null, image, command, null, null, null, null, null, null, null, null, null, null);
    }
}
