package org.bftswarm.worker;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels that tie a container to its swarm, node, task and attempt, and
 * their parsing back when reconciling. Parsing never throws: labels on a container are input from
 * whoever created it, so malformed ones yield empty.
 */
public final class ContainerLabels {
    public static final String SWARM = "bftswarm.swarm";
    public static final String NODE = "bftswarm.node";
    public static final String TASK = "bftswarm.task";
    public static final String ATTEMPT = "bftswarm.attempt";
    /** The task's timeout in seconds, so an adopted container can still be bounded. */
    public static final String TIMEOUT = "bftswarm.timeout";

    private ContainerLabels() {}

    /** The labels of a launch, sorted. */
    public static Map<String, String> of(TaskLaunch launch) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(SWARM, launch.swarm());
        labels.put(NODE, Integer.toString(launch.nodeId()));
        labels.put(TASK, launch.taskId());
        labels.put(ATTEMPT, Integer.toString(launch.attempt()));
        labels.put(TIMEOUT, Long.toString(launch.timeoutSeconds()));
        return labels;
    }

    /** The attempt a container's labels name, if they name one well-formed. */
    public static Optional<AttemptKey> attemptOf(Map<String, String> labels) {
        if (labels == null) {
            return Optional.empty();
        }
        String task = labels.get(TASK);
        Optional<Long> attempt = parseNonNegative(labels.get(ATTEMPT));
        if (task == null || task.isEmpty() || attempt.isEmpty() || attempt.get() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new AttemptKey(task, attempt.get().intValue()));
    }

    /** The timeout label in seconds, or 0 (none) when absent or malformed. */
    public static long timeoutOf(Map<String, String> labels) {
        return labels == null ? 0 : parseNonNegative(labels.get(TIMEOUT)).orElse(0L);
    }

    private static Optional<Long> parseNonNegative(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }
}
