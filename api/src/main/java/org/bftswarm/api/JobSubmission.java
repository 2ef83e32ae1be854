package org.bftswarm.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The job spec of {@code POST /api/v1/jobs} (issue 4, item 1: name, image, command, env, cpus,
 * memoryMb, timeoutSeconds, retries, count, constraints). Optional fields may be null on the wire;
 * {@link #problems()} lists every bound that is broken, and {@link #normalized()} fills defaults and
 * sorts the maps (the spec ends up in replicated state, so its iteration order must be
 * deterministic).
 */
public record JobSubmission(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        Double cpus,
        Long memoryMb,
        Long timeoutSeconds,
        Integer retries,
        Integer count,
        Map<String, String> constraints) {

    public static final String DEFAULT_NAME = "job";
    public static final double DEFAULT_CPUS = 0.25;
    public static final long DEFAULT_MEMORY_MB = 64;
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_RETRIES = 0;
    public static final int DEFAULT_COUNT = 1;

    public static final int MAX_NAME_CHARS = 128;
    public static final int MAX_IMAGE_CHARS = 255;
    public static final int MAX_COMMAND_ARGS = 256;
    public static final int MAX_ARG_CHARS = 4096;
    public static final int MAX_ENV_ENTRIES = 128;
    public static final int MAX_ENV_VALUE_CHARS = 4096;
    public static final double MAX_CPUS = 256;
    public static final long MIN_MEMORY_MB = 6;
    public static final long MAX_MEMORY_MB = 1L << 20;
    public static final long MAX_TIMEOUT_SECONDS = 7L * 24 * 3600;
    public static final int MAX_RETRIES = 100;
    public static final int MAX_COUNT = 1000;
    public static final int MAX_CONSTRAINTS = 32;
    public static final int MAX_LABEL_CHARS = 128;

    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /** Every broken rule, in field order, each naming the field; empty when the spec is acceptable. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_CHARS || hasControl(name))) {
            out.add("name must be 1.." + MAX_NAME_CHARS + " printable characters");
        }
        if (image == null) {
            out.add("image is required");
        } else if (image.length() > MAX_IMAGE_CHARS || !IMAGE.matcher(image).matches()) {
            out.add("image must be a Docker image reference of at most " + MAX_IMAGE_CHARS
                    + " characters ([A-Za-z0-9._/:@+-], no spaces)");
        }
        checkCommand(out);
        checkEnv(out);
        if (cpus != null && !(cpus > 0 && cpus <= MAX_CPUS)) {
            out.add("cpus must be > 0 and <= " + (int) MAX_CPUS + ", got " + cpus);
        }
        if (memoryMb != null && (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB)) {
            out.add("memoryMb must be in " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB + ", got " + memoryMb);
        }
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS)) {
            out.add("timeoutSeconds must be in 1.." + MAX_TIMEOUT_SECONDS + ", got " + timeoutSeconds);
        }
        if (retries != null && (retries < 0 || retries > MAX_RETRIES)) {
            out.add("retries must be in 0.." + MAX_RETRIES + ", got " + retries);
        }
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            out.add("count must be in 1.." + MAX_COUNT + ", got " + count);
        }
        checkConstraints(out);
        return out;
    }

    /** This spec with defaults filled in and maps sorted by key. Call only when {@link #problems()} is empty. */
    public JobSubmission normalized() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot normalise an invalid spec: " + String.join("; ", problems));
        }
        return new JobSubmission(
                name == null ? DEFAULT_NAME : name,
                image,
                command == null ? List.of() : List.copyOf(command),
                sorted(env),
                cpus == null ? DEFAULT_CPUS : cpus,
                memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb,
                timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds,
                retries == null ? DEFAULT_RETRIES : retries,
                count == null ? DEFAULT_COUNT : count,
                sorted(constraints));
    }

    private void checkCommand(List<String> out) {
        if (command == null) {
            return;
        }
        if (command.size() > MAX_COMMAND_ARGS) {
            out.add("command must have at most " + MAX_COMMAND_ARGS + " arguments, got " + command.size());
            return;
        }
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg == null) {
                out.add("command[" + i + "] must be a string, got null");
            } else if (arg.length() > MAX_ARG_CHARS || arg.indexOf('\0') >= 0) {
                out.add("command[" + i + "] must be at most " + MAX_ARG_CHARS + " characters without NUL");
            }
        }
    }

    private void checkEnv(List<String> out) {
        if (env == null) {
            return;
        }
        if (env.size() > MAX_ENV_ENTRIES) {
            out.add("env must have at most " + MAX_ENV_ENTRIES + " entries, got " + env.size());
            return;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!ENV_KEY.matcher(e.getKey()).matches() || e.getKey().length() > MAX_LABEL_CHARS) {
                out.add("env key '" + clip(e.getKey()) + "' must match [A-Za-z_][A-Za-z0-9_]* (at most "
                        + MAX_LABEL_CHARS + " characters)");
            }
            if (e.getValue() == null) {
                out.add("env." + clip(e.getKey()) + " must be a string, got null");
            } else if (e.getValue().length() > MAX_ENV_VALUE_CHARS
                    || e.getValue().indexOf('\0') >= 0) {
                out.add("env." + clip(e.getKey()) + " must be at most " + MAX_ENV_VALUE_CHARS
                        + " characters without NUL");
            }
        }
    }

    private void checkConstraints(List<String> out) {
        if (constraints == null) {
            return;
        }
        if (constraints.size() > MAX_CONSTRAINTS) {
            out.add("constraints must have at most " + MAX_CONSTRAINTS + " entries, got " + constraints.size());
            return;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(constraints).entrySet()) {
            if (!isLabel(e.getKey())) {
                out.add("constraint key '" + clip(e.getKey()) + "' must be a label of at most " + MAX_LABEL_CHARS
                        + " characters ([A-Za-z0-9._/-])");
            }
            if (e.getValue() == null || !isLabel(e.getValue())) {
                out.add("constraints." + clip(e.getKey()) + " must be a label of at most " + MAX_LABEL_CHARS
                        + " characters ([A-Za-z0-9._/-])");
            }
        }
    }

    private static boolean isLabel(String s) {
        return s.length() <= MAX_LABEL_CHARS && LABEL.matcher(s).matches();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return m == null
                ? Collections.unmodifiableSortedMap(new TreeMap<>())
                : Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }
}
