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
 * @param nanoCpus    CPU limit in units of 1e-9 cores, or 0 for none
 * @param memoryBytes memory limit in bytes, or 0 for none
 * @param openStdin   whether the container is created with stdin open (the launch carries stdin)
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
        boolean openStdin) {

    private static final int READABLE_NAME = 80;

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
                launch.stdin() != null);
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
