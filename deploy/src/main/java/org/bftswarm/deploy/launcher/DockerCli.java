package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The few Docker operations the launcher performs itself, through the {@code docker} command (the
 * nodes use docker-java): list and force-remove a swarm's containers on {@code down}, kill a task's
 * container for fault injection, and {@code docker run -d --rm} for the raw-rate baseline of the
 * benchmark. Containers are found by the labels the worker puts on them ({@code bftswarm.swarm},
 * {@code bftswarm.task}).
 */
public final class DockerCli {
    public static final String SWARM_LABEL = "bftswarm.swarm";
    public static final String TASK_LABEL = "bftswarm.task";
    static final long TIMEOUT_SECONDS = 60;

    /** The outcome of one docker command. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Ids of every container (any state) carrying all of the given {@code key=value} labels. */
    public List<String> containerIds(List<String> labels) throws IOException {
        List<String> args = new ArrayList<>(List.of("docker", "ps", "-a", "-q", "--no-trunc"));
        for (String label : labels) {
            args.add("--filter");
            args.add("label=" + label);
        }
        Result r = run(args);
        if (!r.ok()) {
            throw new IOException("docker ps failed: " + r.output().strip());
        }
        return r.output().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> swarmContainers(String swarm) throws IOException {
        return containerIds(List.of(SWARM_LABEL + "=" + swarm));
    }

    /** Force-removes every container of {@code swarm}; returns how many there were. */
    public int removeSwarm(String swarm) throws IOException {
        List<String> ids = swarmContainers(swarm);
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(List.of("docker", "rm", "-f"));
        args.addAll(ids);
        Result r = run(args);
        if (!r.ok() && !swarmContainers(swarm).isEmpty()) {
            throw new IOException("docker rm -f failed: " + r.output().strip());
        }
        return ids.size();
    }

    /** Kills (SIGKILL) the running containers of task {@code taskId} in {@code swarm}; returns their ids. */
    public List<String> killTask(String swarm, String taskId) throws IOException {
        List<String> ids = containerIds(List.of(SWARM_LABEL + "=" + swarm, TASK_LABEL + "=" + taskId));
        List<String> killed = new ArrayList<>();
        for (String id : ids) {
            if (run(List.of("docker", "kill", id)).ok()) {
                killed.add(id);
            }
        }
        return killed;
    }

    public Result run(List<String> args) throws IOException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
