package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Docker Swarm mode's side of the task bench, summed over its rounds: each round is one
 * {@code replicated-job} of that round's tasks at the bench's parallelism, timed from
 * {@code docker service create} until every task has ended (polled every {@value #POLL_MILLIS} ms
 * with {@code docker service ps}), then removed. {@link #open} puts the engine in swarm mode when it
 * is not; {@link #close} leaves swarm mode again if and only if {@code open} entered it (also at JVM
 * shutdown, e.g. on Ctrl-C). A job fails when none of its tasks ends for {@value #STALL_SECONDS} s.
 * The commands and their parsing are {@link SwarmJob}'s. Used by one thread.
 */
final class SwarmModePhase implements AutoCloseable {
    static final long POLL_MILLIS = 200;
    static final long STALL_SECONDS = 120;

    final PhaseCpu cpu = new PhaseCpu();
    private final DockerCli docker;
    private final String label;
    private final Thread leaveAtShutdown;
    private boolean initialised;
    private int tasks;
    private int failed;
    private long nanos;

    private SwarmModePhase(DockerCli docker, String label, boolean initialised) {
        this.docker = docker;
        this.label = label;
        this.initialised = initialised;
        this.leaveAtShutdown = new Thread(this::leaveQuietly, "swarm-mode-leave");
        if (initialised) {
            Runtime.getRuntime().addShutdownHook(leaveAtShutdown);
        }
    }

    /**
     * Enters swarm mode unless the engine is in it already; {@code label} ({@code key=value}) marks
     * the bench's services.
     */
    static SwarmModePhase open(DockerCli docker, String label) throws IOException {
        DockerCli.Result state = docker.run(SwarmJob.stateArgs());
        if (!state.ok()) {
            throw new IOException("docker info failed: " + state.output().strip());
        }
        if (SwarmJob.isActive(state.output())) {
            return new SwarmModePhase(docker, label, false);
        }
        DockerCli.Result init = docker.run(SwarmJob.initArgs());
        if (!init.ok()) {
            throw new IOException("docker swarm init failed: " + init.output().strip());
        }
        return new SwarmModePhase(docker, label, true);
    }

    /** True when this bench put the engine in swarm mode (and so leaves it on close). */
    synchronized boolean initialised() {
        return initialised;
    }

    /** Runs one unmeasured job of {@code count} tasks. */
    void warmUp(String image, int count, int parallel) throws IOException, InterruptedException {
        runJob(image, count, parallel);
    }

    /**
     * Runs one measured round of {@code count} tasks, adding its time, CPU and failures; returns the elapsed
     * nanoseconds.
     */
    long round(String image, int count, int parallel) throws Exception {
        SwarmJob.Status[] status = new SwarmJob.Status[1];
        long elapsed = cpu.measure(() -> {
            long start = System.nanoTime();
            status[0] = runJob(image, count, parallel);
            return System.nanoTime() - start;
        });
        tasks += count;
        failed += status[0].failed();
        nanos += elapsed;
        return elapsed;
    }

    int tasks() {
        return tasks;
    }

    long nanos() {
        return nanos;
    }

    /** The summed rounds: tasks, failed tasks and tasks per second. */
    TaskBenchResult.Swarm figures() {
        return new TaskBenchResult.Swarm(tasks, failed, nanos <= 0 ? 0 : tasks / (nanos / 1e9));
    }

    /** Creates the job, waits until its tasks ended and removes it (also when waiting failed). */
    private SwarmJob.Status runJob(String image, int count, int parallel) throws IOException, InterruptedException {
        DockerCli.Result created = docker.run(SwarmJob.createArgs(image, count, parallel, label));
        if (!created.ok()) {
            throw new IOException(
                    "docker service create failed: " + created.output().strip());
        }
        String id = SwarmJob.serviceId(created.output());
        try {
            return awaitEnded(id, count);
        } finally {
            docker.run(SwarmJob.removeArgs(id));
        }
    }

    private SwarmJob.Status awaitEnded(String id, int count) throws IOException, InterruptedException {
        long lastProgress = System.nanoTime();
        SwarmJob.Status last = new SwarmJob.Status(0, 0, count);
        while (true) {
            DockerCli.Result ps = docker.run(SwarmJob.tasksArgs(id));
            if (ps.ok()) {
                SwarmJob.Status now = SwarmJob.parse(ps.output());
                if (now.allEnded(count)) {
                    return now;
                }
                if (now.ended() > last.ended()) {
                    lastProgress = System.nanoTime();
                }
                last = now;
            }
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                throw new IOException("swarm job " + id + ": no task ended for " + STALL_SECONDS + " s (" + last + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Leaves swarm mode if {@link #open} entered it. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(leaveAtShutdown);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down (the hook leaves), or never registered
        }
        leave();
    }

    private synchronized void leave() throws IOException {
        if (!initialised) {
            return;
        }
        DockerCli.Result r = docker.run(SwarmJob.leaveArgs());
        if (!r.ok()) {
            throw new IOException(
                    "docker swarm leave --force failed: " + r.output().strip());
        }
        initialised = false;
    }

    private void leaveQuietly() {
        try {
            leave();
        } catch (IOException e) {
            System.err.println("could not leave swarm mode: " + e.getMessage() + "; run: docker swarm leave --force");
        }
    }
}
