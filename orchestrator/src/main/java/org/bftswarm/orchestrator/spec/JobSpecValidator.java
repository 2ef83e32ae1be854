package org.bftswarm.orchestrator.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits of a {@link JobSpec}, the one gate every job passes whoever submits it: the scheduler
 * applies it when it executes a SubmitJob, and the HTTP API asks it before ordering anything, so both
 * accept and refuse exactly the same specs with the same messages. Every problem becomes one message
 * {@code field: what is wrong (got value)}, in field order, so a 400 can list all of them at once and
 * every replica rejects a bad spec identically.
 *
 * <p>The rules: {@code name} absent (the image is used) or 1 to {@value #MAX_NAME} printable
 * characters, not blank; {@code image} required, {@code [A-Za-z0-9][A-Za-z0-9._/:@-]*}, at most
 * {@value #MAX_IMAGE} characters; at most {@value #MAX_ARGS} command arguments of at most
 * {@value #MAX_ARG_CHARS} characters, no NUL; at most {@value #MAX_ENV} env entries with keys
 * {@code [A-Za-z_][A-Za-z0-9_.]*}; {@code cpus} in (0, 1024] and at least 0.001; {@code memoryMb} from
 * {@value #MIN_MEMORY_MB} (Docker's minimum) to 2^24; {@code timeoutSeconds} 1 to a week;
 * {@code retries} 0 to {@value #MAX_RETRIES}; {@code backoffSeconds} 0 to {@value #MAX_BACKOFF_SECONDS};
 * {@code count} 1 to {@value #MAX_COUNT}; at most {@value #MAX_CONSTRAINTS} constraints;
 * {@code network} {@code none} or {@code bridge} (never {@code host}: a task shares no namespace with its
 * node); {@code pids} 1 to {@value #MAX_PIDS}; {@code user} a name or id with an optional group
 * ({@code [A-Za-z0-9_][A-Za-z0-9_.-]*}, at most {@value #MAX_USER} characters, each part); a job over a
 * dataset also follows {@link DataRules}.
 */
public final class JobSpecValidator {

    public static final int MAX_NAME = 128;
    public static final int MAX_IMAGE = 256;
    public static final int MAX_ARGS = 256;
    public static final int MAX_ARG_CHARS = 4096;
    public static final int MAX_ENV = 256;
    public static final int MAX_ENV_VALUE = 4096;
    public static final int MAX_CONSTRAINTS = 64;
    public static final int MAX_LABEL_CHARS = 256;
    public static final double MAX_CPUS = 1024;
    public static final long MIN_MEMORY_MB = 6;
    public static final long MAX_MEMORY_MB = 1L << 24;
    public static final int MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
    public static final int MAX_RETRIES = 100;
    public static final int MAX_BACKOFF_SECONDS = 3600;
    public static final int MAX_COUNT = 1000;
    public static final int MAX_PIDS = 32_768;
    public static final int MAX_USER = 32;

    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final List<String> NETWORKS = List.of("none", "bridge");
    private static final Pattern USER_PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private JobSpecValidator() {}

    /** Returns every problem found; an empty list means the spec is acceptable. */
    public static List<String> validate(JobSpec spec) {
        List<String> errors = new ArrayList<>();
        if (spec == null) {
            errors.add("spec: is required");
            return errors;
        }
        String name = spec.name();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME || hasControlChars(name))) {
            errors.add("name: must be 1 to " + MAX_NAME + " printable characters, not blank");
        }
        if (spec.isWasm()) {
            if (spec.image() != null) {
                errors.add("image: a job runs an image or a WebAssembly module (wasm_base64), not both");
            }
        } else {
            checkImage(spec.image(), errors);
        }
        checkCommand(spec.command(), errors);
        checkStringMap("env", spec.env(), MAX_ENV, MAX_ENV_VALUE, true, errors);
        checkStringMap("constraints", spec.constraints(), MAX_CONSTRAINTS, MAX_LABEL_CHARS, false, errors);
        if (spec.cpus() != null) {
            double cpus = spec.cpus();
            if (!Double.isFinite(cpus) || cpus <= 0 || cpus > MAX_CPUS) {
                errors.add("cpus: must be > 0 and <= " + (int) MAX_CPUS + " (got " + cpus + ")");
            } else if (JobSpec.toMilliCpus(cpus) < 1) {
                errors.add("cpus: must be at least 0.001 (got " + cpus + ")");
            }
        }
        checkRange("memoryMb", spec.memoryMb(), MIN_MEMORY_MB, MAX_MEMORY_MB, errors);
        checkRange("timeoutSeconds", spec.timeoutSeconds(), 1, MAX_TIMEOUT_SECONDS, errors);
        checkRange("retries", spec.retries(), 0, MAX_RETRIES, errors);
        checkRange("backoffSeconds", spec.backoffSeconds(), 0, MAX_BACKOFF_SECONDS, errors);
        checkRange("count", spec.count(), 1, MAX_COUNT, errors);
        if (spec.verification() != null && !Verification.MODES.contains(spec.verification())) {
            errors.add("verification: must be one of " + Verification.MODES + " (got \"" + clip(spec.verification())
                    + "\")");
        }
        if ("host".equals(spec.network())) {
            errors.add("network: \"host\" is refused: a task never shares its node's network namespace (use " + NETWORKS
                    + ")");
        } else if (spec.network() != null && !NETWORKS.contains(spec.network())) {
            errors.add("network: must be one of " + NETWORKS + " (got \"" + clip(spec.network()) + "\")");
        }
        if (spec.hardening() != null) {
            checkHardening(spec.hardening(), errors);
        }
        if (spec.data() != null) {
            DataRules.check(spec, errors);
        }
        return errors;
    }

    /** Problems with a label map (node labels, job constraints) reported under {@code field}. */
    public static List<String> validateLabels(String field, Map<String, String> labels) {
        List<String> errors = new ArrayList<>();
        checkStringMap(field, labels, MAX_CONSTRAINTS, MAX_LABEL_CHARS, false, errors);
        return errors;
    }

    private static void checkHardening(ContainerHardening h, List<String> errors) {
        checkRange("pids", h.pids(), 1, MAX_PIDS, errors);
        String user = h.user();
        if (user != null) {
            String[] parts = user.split(":", -1);
            boolean ok = parts.length <= 2;
            for (String part : parts) {
                ok &= part.length() <= MAX_USER && USER_PART.matcher(part).matches();
            }
            if (!ok) {
                errors.add("user: must be a user name or id, optionally :group, each matching " + USER_PART.pattern()
                        + " and at most " + MAX_USER + " characters (got \"" + clip(user) + "\")");
            }
        }
    }

    private static void checkImage(String image, List<String> errors) {
        if (image == null || image.isBlank()) {
            errors.add("image: is required");
        } else if (image.length() > MAX_IMAGE || !IMAGE.matcher(image).matches()) {
            errors.add("image: must match " + IMAGE.pattern() + " and be at most " + MAX_IMAGE + " characters (got \""
                    + clip(image) + "\")");
        }
    }

    private static void checkCommand(List<String> command, List<String> errors) {
        if (command == null) {
            return;
        }
        if (command.size() > MAX_ARGS) {
            errors.add("command: at most " + MAX_ARGS + " arguments (got " + command.size() + ")");
            return;
        }
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg == null) {
                errors.add("command[" + i + "]: must not be null");
            } else if (arg.length() > MAX_ARG_CHARS || arg.indexOf('\0') >= 0) {
                errors.add("command[" + i + "]: at most " + MAX_ARG_CHARS + " characters, no NUL");
            }
        }
    }

    private static void checkStringMap(
            String field, Map<String, String> map, int maxEntries, int maxValue, boolean envKeys, List<String> errors) {
        if (map == null) {
            return;
        }
        if (map.size() > maxEntries) {
            errors.add(field + ": at most " + maxEntries + " entries (got " + map.size() + ")");
            return;
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            String key = e.getKey();
            if (key == null
                    || key.isEmpty()
                    || key.length() > MAX_LABEL_CHARS
                    || (envKeys && !ENV_KEY.matcher(key).matches())
                    || hasControlChars(key)) {
                errors.add(field + ": invalid key \"" + clip(key) + "\""
                        + (envKeys ? " (must match " + ENV_KEY.pattern() + ")" : ""));
            } else if (e.getValue() == null) {
                errors.add(field + "." + key + ": value must not be null");
            } else if (e.getValue().length() > maxValue || e.getValue().indexOf('\0') >= 0) {
                errors.add(field + "." + key + ": value at most " + maxValue + " characters, no NUL");
            }
        }
    }

    private static void checkRange(String field, Number value, long min, long max, List<String> errors) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            errors.add(field + ": must be between " + min + " and " + max + " (got " + value + ")");
        }
    }

    static boolean hasControlChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
