package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import org.bftswarm.crypto.Invariants;

/**
 * The pure half of the task bench's Docker Swarm mode side: the {@code docker} arguments that join
 * swarm mode, create a {@code replicated-job} of N {@code true} tasks at most P at a time (never
 * retried: {@code --restart-condition none}; the local image, never resolved on a registry:
 * {@code --no-resolve-image}), list its tasks and leave again, and the reading of their answers. A
 * job has ended once N of its tasks are in a terminal state: {@code Complete} counts as succeeded;
 * {@code Failed}, {@code Rejected}, {@code Shutdown}, {@code Orphaned} and {@code Remove} as failed.
 * {@link SwarmModePhase} runs these commands.
 */
final class SwarmJob {
    /** The first word of {@code docker service ps}'s current state for a task that succeeded. */
    static final String COMPLETE = "complete";

    private static final List<String> FAILED_STATES = List.of("failed", "rejected", "shutdown", "orphaned", "remove");

    private SwarmJob() {}

    /** The tasks of one job by state: succeeded, failed (terminal otherwise), and still on their way. */
    record Status(int complete, int failed, int unfinished) {
        /** Tasks in a terminal state. */
        int ended() {
            return complete + failed;
        }

        /** True once {@code replicas} tasks are in a terminal state. */
        boolean allEnded(int replicas) {
            return ended() >= replicas;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d complete, %d failed, %d unfinished", complete, failed, unfinished);
        }
    }

    /**
     * Prints the engine's swarm state: {@code active}, {@code inactive}, {@code pending}, {@code error} or
     * {@code locked}.
     */
    static List<String> stateArgs() {
        return List.of("docker", "info", "--format", "{{.Swarm.LocalNodeState}}");
    }

    /** True when {@code docker info}'s swarm state says this engine is in swarm mode already. */
    static boolean isActive(String stateOutput) {
        return "active".equals(stateOutput.strip());
    }

    /** A single-node swarm on the loopback address, so that nothing listens beyond this machine. */
    static List<String> initArgs() {
        return List.of("docker", "swarm", "init", "--advertise-addr", "127.0.0.1");
    }

    static List<String> leaveArgs() {
        return List.of("docker", "swarm", "leave", "--force");
    }

    /**
     * A detached replicated job of {@code replicas} × {@code image true}, {@code maxConcurrent} at a time,
     * labelled.
     */
    static List<String> createArgs(String image, int replicas, int maxConcurrent, String label) {
        Invariants.check(
                replicas >= 1 && maxConcurrent >= 1, "a swarm job of %s tasks, %s at a time", replicas, maxConcurrent);
        return List.of(
                "docker",
                "service",
                "create",
                "--detach",
                "--mode",
                "replicated-job",
                "--replicas",
                Integer.toString(replicas),
                "--max-concurrent",
                Integer.toString(maxConcurrent),
                "--restart-condition",
                "none",
                "--no-resolve-image",
                "--label",
                label,
                image,
                "true");
    }

    /** One line per task of the service: its current state, e.g. {@code Complete 2 seconds ago}. */
    static List<String> tasksArgs(String serviceId) {
        return List.of("docker", "service", "ps", "--format", "{{.CurrentState}}", serviceId);
    }

    static List<String> removeArgs(String serviceId) {
        return List.of("docker", "service", "rm", serviceId);
    }

    /**
     * The service id that {@code docker service create --detach} printed: its last non-blank line,
     * which must be a lower-case alphanumeric id.
     */
    static String serviceId(String createOutput) {
        List<String> lines = createOutput
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        String id = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (!id.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("no service id in: " + createOutput.strip());
        }
        return id;
    }

    /** Counts the tasks of {@code docker service ps --format {{.CurrentState}}} output by state. */
    static Status parse(String tasksOutput) {
        int complete = 0;
        int failed = 0;
        int unfinished = 0;
        for (String line : tasksOutput.lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            String state = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (state.equals(COMPLETE)) {
                complete++;
            } else if (FAILED_STATES.contains(state)) {
                failed++;
            } else {
                unfinished++;
            }
        }
        return new Status(complete, failed, unfinished);
    }
}
