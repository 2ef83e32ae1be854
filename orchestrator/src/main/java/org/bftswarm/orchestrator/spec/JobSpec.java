package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;

/**
 * What a user asks to run: {@code name}, {@code image}, {@code command}, {@code env}, {@code cpus},
 * {@code memoryMb}, {@code timeoutSeconds}, {@code retries}, {@code backoffSeconds}, {@code count},
 * {@code constraints}, {@code network}, {@code verification} and, for a job over a dataset, {@code data}
 * ({@link DataSpec}: one task per shard instead of {@code count}) and the container's
 * {@code hardening} options ({@link ContainerHardening}). This record and {@link JobSpecValidator} are the one
 * rulebook of a job spec: every default lives here, every limit in the validator, whoever submits.
 *
 * <p>Fields are nullable as they arrive (from JSON, over HTTP or inside a signed SubmitJob); an
 * absent field takes its default. The scheduler validates a spec once, when it executes the
 * SubmitJob, and stores {@link #normalized()}: defaults filled, a missing name replaced by the
 * image, maps sorted, lists copied, so the stored spec has exactly one canonical form on every
 * replica and nothing downstream applies a default again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(
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
        DataSpec data,
        ContainerHardening hardening) {

    public static final double DEFAULT_CPUS = 0.25;
    public static final long DEFAULT_MEMORY_MB = 64;
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_RETRIES = 0;
    public static final int DEFAULT_BACKOFF_SECONDS = 1;
    public static final int DEFAULT_COUNT = 1;
    public static final String DEFAULT_NETWORK = "none";
    /** The name of a WebAssembly job that names none. */
    public static final String WASM_NAME = "wasm";

    /** The canonical form is the one JSON binds to (the shorter constructors leave fields out). */
    @JsonCreator
    public JobSpec {}

    /** A spec whose container takes every {@link ContainerHardening} default. */
    public JobSpec(
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
            DataSpec data) {
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
                data,
                null);
    }

    /** A spec without a verification mode: the cluster's default applies. */
    public JobSpec(
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
            String network) {
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
                null,
                null);
    }

    /** A spec without data: every task runs the image as it is. */
    public JobSpec(
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
                null);
    }

    /** The same spec running {@code otherImage} with {@code otherCommand}. */
    public JobSpec withImageAndCommand(String otherImage, List<String> otherCommand) {
        return new JobSpec(
                name,
                otherImage,
                otherCommand,
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
                data,
                hardening);
    }

    /** The same spec with verification {@code mode}. */
    public JobSpec withVerification(String mode) {
        return new JobSpec(
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
                mode,
                data,
                hardening);
    }

    /** The same spec with {@code shards} tasks, one per slice of its data. */
    public JobSpec withShards(int shards) {
        return new JobSpec(
                name,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                retries,
                backoffSeconds,
                shards,
                constraints,
                network,
                verification,
                data.withShards(shards),
                hardening);
    }

    /** The same spec with other data. */
    public JobSpec withData(DataSpec other) {
        return new JobSpec(
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
                other,
                hardening);
    }

    /** Whether the job's tasks are the shards of a dataset. */
    @JsonIgnore
    public boolean hasData() {
        return data != null;
    }

    /** Whether the job's tasks run a WebAssembly module instead of an image. */
    @JsonIgnore
    public boolean isWasm() {
        return data != null && data.isWasm();
    }

    /** A spec with only an image and a command; every other field takes its default. */
    public static JobSpec of(String image, List<String> command) {
        return new JobSpec(null, image, command, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Defaults filled, maps sorted and lists copied: the canonical stored form. Only call on a spec
     * that {@link JobSpecValidator#validate} accepted. Normalising a normalised spec changes nothing.
     */
    public JobSpec normalized() {
        return new JobSpec(
                name == null ? (image == null ? WASM_NAME : image) : name,
                image,
                command == null ? List.of() : List.copyOf(command),
                sortedCopy(env),
                cpus == null ? DEFAULT_CPUS : cpus,
                memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb,
                timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds,
                retries == null ? DEFAULT_RETRIES : retries,
                backoffSeconds == null ? DEFAULT_BACKOFF_SECONDS : backoffSeconds,
                count == null ? DEFAULT_COUNT : count,
                sortedCopy(constraints),
                network == null ? DEFAULT_NETWORK : network,
                verification,
                data == null ? null : data.normalized(),
                ContainerHardening.normalized(hardening));
    }

    /** CPU demand of a normalised spec in thousandths of a core (integers keep placement exact). */
    @JsonIgnore
    public long milliCpus() {
        Invariants.check(cpus != null, "milliCpus of a spec that was not normalised");
        return toMilliCpus(cpus);
    }

    /** Memory demand of a normalised spec in MiB. */
    @JsonIgnore
    public long memoryDemandMb() {
        Invariants.check(memoryMb != null, "memoryDemandMb of a spec that was not normalised");
        return memoryMb;
    }

    /** Converts cores to milli-cores, rounding to the nearest thousandth. */
    public static long toMilliCpus(double cores) {
        return Math.round(cores * 1000.0);
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map) {
        return map == null
                ? Collections.unmodifiableSortedMap(new TreeMap<>())
                : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
