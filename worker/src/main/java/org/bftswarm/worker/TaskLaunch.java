package org.bftswarm.worker;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One task attempt the local replica's state assigns to this node, in the
 * worker's own terms so the agent does not depend on the scheduler's classes. Validated on
 * construction with clear messages; the command and env are copied (env into a sorted map so the
 * container's environment is deterministic).
 *
 * @param cpus           CPU limit in cores; 0 means unlimited
 * @param memoryMb       memory limit in MiB; 0 means unlimited
 * @param timeoutSeconds wall-clock limit from container start; 0 means none
 * @param network        Docker network mode; {@value #DEFAULT_NETWORK} unless the spec asks otherwise
 * @param stdin          what the container reads on stdin before end of file (a data job's slice), or null
 * @param wasm           the WebAssembly shard to run instead of a container (then {@code image} may be null)
 * @param confinement    the container's per-job confinement; null means {@link Confinement#DEFAULT}
 */
public record TaskLaunch(
        String swarm,
        int nodeId,
        String taskId,
        int attempt,
        String image,
        List<String> command,
        Map<String, String> env,
        double cpus,
        long memoryMb,
        long timeoutSeconds,
        String network,
        byte[] stdin,
        WasmShard wasm,
        Confinement confinement) {

    /** Tasks get no network unless their spec asks for one. */
    public static final String DEFAULT_NETWORK = "none";
    /** Docker refuses memory limits below 6 MiB. */
    public static final long MIN_MEMORY_MB = 6;

    public TaskLaunch {
        requireText(swarm, "swarm");
        requireText(taskId, "taskId");
        if (wasm == null) {
            requireText(image, "image");
        }
        if (nodeId < 0) {
            throw new IllegalArgumentException("nodeId must be >= 0, got " + nodeId);
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, got " + attempt);
        }
        if (!(cpus >= 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("cpus must be a finite number >= 0, got " + cpus);
        }
        if (memoryMb != 0 && (memoryMb < MIN_MEMORY_MB || memoryMb > Long.MAX_VALUE / (1 << 20))) {
            throw new IllegalArgumentException(
                    "memoryMb must be 0 (unlimited) or >= " + MIN_MEMORY_MB + ", got " + memoryMb);
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must be >= 0, got " + timeoutSeconds);
        }
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        Objects.requireNonNull(env, "env");
        TreeMap<String, String> sortedEnv = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("env names must be non-empty without '=' or NUL, got '" + k + "'");
            }
            if (v == null || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("env value of " + k + " must be non-null without NUL");
            }
            sortedEnv.put(k, v);
        });
        env = Collections.unmodifiableSortedMap(sortedEnv);
        network = network == null ? DEFAULT_NETWORK : network;
        requireText(network, "network");
        stdin = stdin == null ? null : stdin.clone();
        confinement = confinement == null ? Confinement.DEFAULT : confinement;
    }

    /** A launch with the default confinement. */
    public TaskLaunch(
            String swarm,
            int nodeId,
            String taskId,
            int attempt,
            String image,
            List<String> command,
            Map<String, String> env,
            double cpus,
            long memoryMb,
            long timeoutSeconds,
            String network,
            byte[] stdin,
            WasmShard wasm) {
        this(
                swarm,
                nodeId,
                taskId,
                attempt,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                network,
                stdin,
                wasm,
                Confinement.DEFAULT);
    }

    /** A launch with nothing on stdin. */
    public TaskLaunch(
            String swarm,
            int nodeId,
            String taskId,
            int attempt,
            String image,
            List<String> command,
            Map<String, String> env,
            double cpus,
            long memoryMb,
            long timeoutSeconds,
            String network) {
        this(swarm, nodeId, taskId, attempt, image, command, env, cpus, memoryMb, timeoutSeconds, network, null, null);
    }

    /** The bytes the container reads on stdin (then end of file), or null when it gets none. */
    @Override
    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    /** A launch with the default network ({@value #DEFAULT_NETWORK}). */
    public TaskLaunch(
            String swarm,
            int nodeId,
            String taskId,
            int attempt,
            String image,
            List<String> command,
            Map<String, String> env,
            double cpus,
            long memoryMb,
            long timeoutSeconds) {
        this(swarm, nodeId, taskId, attempt, image, command, env, cpus, memoryMb, timeoutSeconds, DEFAULT_NETWORK);
    }

    /** The (task, attempt) this launch runs. */
    public AttemptKey key() {
        return new AttemptKey(taskId, attempt);
    }

    /** The same launch with another network mode. */
    public TaskLaunch withNetwork(String networkMode) {
        return new TaskLaunch(
                swarm,
                nodeId,
                taskId,
                attempt,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                networkMode,
                stdin,
                wasm,
                confinement);
    }

    /** The same launch confined by {@code other}. */
    public TaskLaunch withConfinement(Confinement other) {
        return new TaskLaunch(
                swarm,
                nodeId,
                taskId,
                attempt,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                network,
                stdin,
                wasm,
                other);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank string");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain NUL");
        }
    }
}
