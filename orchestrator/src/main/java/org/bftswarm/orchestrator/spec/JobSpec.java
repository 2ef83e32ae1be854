package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a user asks to run: the job specification of issue 4, item 1 ({@code name}, {@code image},
 * {@code command}, {@code env}, {@code cpus}, {@code memoryMb}, {@code timeoutSeconds},
 * {@code retries}, {@code backoffSeconds}, {@code count}, {@code constraints}, {@code network}).
 *
 * <p>Fields are nullable as they arrive from JSON; {@link JobSpecValidator#validate} explains what is
 * wrong, and {@link #normalized()} fills defaults and sorts maps so that the stored spec has exactly
 * one canonical form on every replica.
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
        String verification) {

    public static final double DEFAULT_CPUS = 0.1;
    public static final long DEFAULT_MEMORY_MB = 64;
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_RETRIES = 0;
    public static final int DEFAULT_BACKOFF_SECONDS = 1;
    public static final int DEFAULT_COUNT = 1;
    public static final String DEFAULT_NETWORK = "none";

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
                null);
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
                mode);
    }

    /** A spec with only an image and a command; every other field takes its default. */
    public static JobSpec of(String image, List<String> command) {
        return new JobSpec(null, image, command, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Defaults filled, maps sorted and lists copied: the canonical stored form. Only call on a spec
     * that {@link JobSpecValidator#validate} accepted.
     */
    public JobSpec normalized() {
        return new JobSpec(
                name == null || name.isBlank() ? image : name,
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
                verification);
    }

    /** CPU demand in thousandths of a core (integer arithmetic keeps placement exact everywhere). */
    @JsonIgnore
    public long milliCpus() {
        return toMilliCpus(cpus == null ? DEFAULT_CPUS : cpus);
    }

    /** Memory demand in MiB, default applied. */
    @JsonIgnore
    public long memoryDemandMb() {
        return memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb;
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
