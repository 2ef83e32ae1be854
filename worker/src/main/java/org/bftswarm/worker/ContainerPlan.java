package org.bftswarm.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bftswarm.crypto.Digest;

/**
 * What container to create for a launch, computed without touching Docker (style rule: effects
 * returned, not performed): labels, resource limits, environment, network, and a name that is
 * unique per (swarm, node, task, attempt) so that creating the same attempt twice fails with a
 * conflict instead of running it twice. A launch with stdin gets a container whose stdin is open for
 * one attach and closed when that attach ends (OpenStdin, StdinOnce), so the process reads exactly the
 * bytes sent and then end of file.
 *
 * <p>Every container is confined the same way apart from its {@link Confinement}: every capability
 * dropped ({@link #CAP_DROP}), {@value #NO_NEW_PRIVILEGES}, swap equal to its memory limit (no swap
 * beyond it), a pids limit, and a fresh tmpfs at {@value #TMP} ({@link #tmpfsOptions}); nothing in a
 * plan can ask for privileged mode, host namespaces, devices or mounts.
 *
 * @param nanoCpus    CPU limit in units of 1e-9 cores, or 0 for none
 * @param memoryBytes memory limit in bytes, or 0 for none
 * @param openStdin   whether the container is created with stdin open (the launch carries stdin)
 * @param confinement the per-job part of the container's confinement (pids limit, user, read-only root)
 */
public record ContainerPlan(
        String name,
        String image,
        List<String> command,
        List<String> env,
        Map<String, String> labels,
        long nanoCpus,
        long memoryBytes,
        String network,
        boolean openStdin,
        Confinement confinement) {

    private static final int READABLE_NAME = 80;
    /** The capabilities dropped: all of them. */
    public static final String CAP_DROP = "ALL";
    /** The security option that stops setuid binaries and file capabilities from gaining privileges. */
    public static final String NO_NEW_PRIVILEGES = "no-new-privileges";
    /** Where each container gets a writable tmpfs of its own. */
    public static final String TMP = "/tmp";
    /** The size of that tmpfs when the task has no memory limit (with one it is the memory limit). */
    static final long TMP_BYTES_UNLIMITED = 64L << 20;

    /**
     * The tmpfs mount options of {@value #TMP}: no setuid, no devices, at most the memory limit (its
     * pages count against the container's memory anyway).
     */
    public String tmpfsOptions() {
        long size = memoryBytes > 0 ? memoryBytes : TMP_BYTES_UNLIMITED;
        return "rw,nosuid,nodev,size=" + size;
    }

    /** Memory plus swap: equal to the memory limit, so a task cannot swap past it (0 when unlimited). */
    public long memorySwapBytes() {
        return memoryBytes;
    }

    /** The plan for {@code launch}. */
    public static ContainerPlan of(TaskLaunch launch) {
        List<String> env = new ArrayList<>();
        launch.env().forEach((k, v) -> env.add(k + "=" + v));
        long nanoCpus = Math.round(launch.cpus() * 1_000_000_000d);
        long memoryBytes = launch.memoryMb() << 20;
        return new ContainerPlan(
                nameOf(launch),
                launch.image(),
                launch.command(),
                List.copyOf(env),
                ContainerLabels.of(launch),
                nanoCpus,
                memoryBytes,
                launch.network(),
                launch.stdin() != null,
                launch.confinement());
    }

    /**
     * {@code bftswarm-<swarm>-n<node>-<task>-a<attempt>-<hash>}: readable parts sanitised to Docker's
     * name alphabet, plus 12 hex digits of the hash of the exact identity to keep names distinct.
     */
    static String nameOf(TaskLaunch launch) {
        String readable =
                sanitize(launch.swarm() + "-n" + launch.nodeId() + "-" + launch.taskId() + "-a" + launch.attempt());
        String identity = launch.swarm() + "\0" + launch.nodeId() + "\0" + launch.taskId() + "\0" + launch.attempt();
        String hash = HexFormat.of()
                .formatHex(
                        Digest.sha256(identity.getBytes(StandardCharsets.UTF_8)).bytes(), 0, 6);
        return "bftswarm-" + readable + "-" + hash;
    }

    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < READABLE_NAME; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }
}
