package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.node.ApiMapping;
import org.bftswarm.orchestrator.spec.JobSpecValidator;

/**
 * Turns {@code submit}'s command-line values into a {@link JobSubmission}: {@code K=V} environment
 * pairs, memory sizes such as {@code 64}, {@code 64m} or {@code 1g} (megabytes), and the command
 * after {@code --}. Pure; bad values throw {@link IllegalArgumentException} with a message meant for
 * the user. The limits are the scheduler's job-spec rulebook ({@link JobSpecValidator}), asked here
 * before sending so the user sees the same messages the cluster would answer with.
 */
public final class SubmitSpec {
    private SubmitSpec() {}

    public static JobSubmission build(
            String name,
            String image,
            List<String> envPairs,
            Double cpus,
            String memory,
            Integer count,
            Integer retries,
            Integer timeoutSeconds,
            String verification,
            List<String> command) {
        return build(
                name,
                image,
                envPairs,
                cpus,
                memory,
                count,
                retries,
                timeoutSeconds,
                verification,
                command,
                DataJobFiles.NONE);
    }

    /** The same with a data job's files and options (read here; each problem names its option). */
    public static JobSubmission build(
            String name,
            String image,
            List<String> envPairs,
            Double cpus,
            String memory,
            Integer count,
            Integer retries,
            Integer timeoutSeconds,
            String verification,
            List<String> command,
            DataJobFiles data) {
        JobSubmission job = new JobSubmission(
                name,
                image,
                command == null ? List.of() : List.copyOf(command),
                env(envPairs),
                cpus,
                memory == null ? null : memoryMb(memory),
                timeoutSeconds,
                retries,
                null,
                count,
                null,
                null,
                verification,
                data.wasmBase64(),
                data.datasetValues(),
                data.inputLines(),
                data.shards(),
                data.reduce(),
                data.entry(),
                data.deadlineSeconds(),
                data.fuel(),
                data.memoryPages());
        List<String> problems = JobSpecValidator.validate(ApiMapping.toJobSpec(job));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return job;
    }

    /**
     * {@code job} with the container hardening options (null: the rulebook's default), checked by the
     * rulebook as the cluster would.
     */
    public static JobSubmission harden(JobSubmission job, Integer pids, String user, boolean readOnlyRootfs) {
        JobSubmission hardened = job.withHardening(pids, user, readOnlyRootfs ? Boolean.TRUE : null);
        List<String> problems = JobSpecValidator.validate(ApiMapping.toJobSpec(hardened));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return hardened;
    }

    /** {@code K=V} pairs to a sorted map; the value may contain '=' and may be empty. */
    static Map<String, String> env(List<String> pairs) {
        Map<String, String> env = new TreeMap<>();
        if (pairs == null) {
            return env;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env wants KEY=VALUE, got '" + pair + "'");
            }
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }

    /** Megabytes from {@code 64}, {@code 64m}, {@code 64M}, {@code 1g}. */
    static long memoryMb(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (s.endsWith("m") || s.endsWith("mb")) {
            s = s.substring(0, s.length() - (s.endsWith("mb") ? 2 : 1));
        } else if (s.endsWith("g") || s.endsWith("gb")) {
            s = s.substring(0, s.length() - (s.endsWith("gb") ? 2 : 1));
            factor = 1024;
        }
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("--memory wants megabytes such as 64, 64m or 1g, got '" + text + "'");
        }
        return Long.parseLong(s) * factor;
    }
}
