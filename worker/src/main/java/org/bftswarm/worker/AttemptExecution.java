package org.bftswarm.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitContainerCondition;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt through its container lifecycle and turns what Docker reports into a
 * {@link TaskOutcome}. Fresh runs follow the order found safe against the Docker engine, so
 * that the exit code and every byte of output are captured before {@code AutoRemove} deletes the
 * container: create → attach (follow) and wait(NEXT_EXIT) both opened (concurrently) → start; the
 * {@link Supervision} then follows it to exit. A launch with stdin also opens a {@link StdinFeed} in
 * that step and lets it write once the container has started; a stdin attach the engine refuses fails
 * the attempt with START_FAILED. Adopted containers (found running after a restart) are followed
 * through their logs and a plain wait instead; their stdin is not sent again: whatever the previous
 * worker delivered before it stopped is all the process gets (its stdin was closed when that
 * worker's connection ended).
 */
final class AttemptExecution {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptExecution.class);
    static final long STREAM_OPEN_SECONDS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient docker;
    private final URI dockerHost;
    private final TaskLogStore logs;
    private final OomWatch oom;

    /**
     * {@code dockerHost} is the engine {@code docker} talks to; stdin is delivered over its socket;
     * {@code oom} tells which containers ran out of memory.
     */
    AttemptExecution(DockerClient docker, URI dockerHost, TaskLogStore logs, OomWatch oom) {
        this.docker = docker;
        this.dockerHost = dockerHost;
        this.logs = logs;
        this.oom = oom;
    }

    /** Whether the kernel's out-of-memory killer ended container {@code id} (as far as the engine said yet). */
    boolean oomKilled(String id) {
        return oom.oomKilled(id);
    }

    /** Either the attempt already failed, or its container runs and is to be supervised. */
    record Launched(TaskOutcome failed, Supervision supervision) {
        static Launched failed(TaskOutcome outcome) {
            return new Launched(outcome, null);
        }
    }

    /**
     * Creates and starts the container of {@code launch}, with output attached and the NEXT_EXIT wait
     * registered before start. Blocks only for these set-up calls; the running container is then
     * followed by the returned {@link Supervision}.
     */
    Launched launch(TaskLaunch launch, RunningAttempt handle, TaskObserver observer) throws InterruptedException {
        AttemptKey key = launch.key();
        if (handle.killReason() != null) {
            return Launched.failed(
                    TaskOutcome.failedWithoutExit(key, handle.killReason(), "killed before its container was created"));
        }
        String id;
        try {
            id = create(ContainerPlan.of(launch));
        } catch (NotFoundException e) {
            return Launched.failed(createNotFound(launch, e));
        } catch (ConflictException e) {
            return Launched.failed(TaskOutcome.failedWithoutExit(
                    key,
                    FailureReason.START_FAILED,
                    "a container for this attempt already exists on this node: " + describe(e)));
        } catch (RuntimeException e) {
            return Launched.failed(
                    TaskOutcome.failedWithoutExit(key, FailureReason.START_FAILED, "create failed: " + describe(e)));
        }
        FailureReason early = handle.attach(id);
        if (early != null) {
            removeQuietly(id);
            return Launched.failed(TaskOutcome.failedWithoutExit(key, early, "killed before its container started"));
        }
        OutputCapture capture = new OutputCapture();
        TaskLogWriter log = openLog(key);
        FrameWatch frames = new FrameWatch(capture, log);
        ExitWatch exit = new ExitWatch();
        byte[] input = launch.stdin();
        StdinFeed stdin = null;
        boolean started = false;
        try {
            // logs=false on purpose: the engine attaches the output pipes before it answers, so nothing
            // written after start can be missed, while logs=true re-reads the log file after answering
            // and, when the container writes quickly, delivers the same bytes twice (seen under load).
            // attach, wait and the stdin attach (if any) are independent: open them at once and start
            // once all are answered. The stdin feed writes only after start, on its own thread, so a
            // process that reads slowly never holds up set-up.
            if (input != null) {
                stdin = StdinFeed.open(dockerHost, id, input);
            }
            docker.attachContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withLogs(false)
                    .exec(frames);
            docker.waitContainerCmd(id)
                    .withCondition(WaitContainerCondition.NEXT_EXIT)
                    .exec(exit);
            String problem = openProblem(frames, "attach");
            if (problem == null) {
                problem = openProblem(exit, "wait");
            }
            if (problem == null && stdin != null) {
                problem = stdinProblem(stdin);
            }
            if (problem == null) {
                problem = start(id);
            }
            if (problem != null) {
                removeQuietly(id);
                return Launched.failed(TaskOutcome.failedWithoutExit(key, FailureReason.START_FAILED, problem));
            }
            started = true;
            if (stdin != null) {
                stdin.deliver();
            }
        } finally {
            if (!started) {
                frames.close();
                exit.close();
                if (stdin != null) {
                    stdin.close();
                }
                if (log != null) {
                    log.close();
                }
            }
        }
        notifyStarted(observer, id);
        if (handle.killReason() != null) {
            killQuietly(id);
        }
        return new Launched(
                null,
                new Supervision(key, id, handle, frames, exit, capture, log, stdin, launch.timeoutSeconds(), this));
    }

    /**
     * Re-attaches to a container that was already running when this worker started: its logs so
     * far and from now on, and a plain wait (it has started, so the default condition is right).
     * The timeout, if any, counts again from adoption.
     */
    Launched adopt(String id, AttemptKey key, long timeoutSeconds, RunningAttempt handle, TaskObserver observer)
            throws InterruptedException {
        FailureReason early = handle.attach(id);
        OutputCapture capture = new OutputCapture();
        TaskLogWriter log = openLog(key);
        FrameWatch frames = new FrameWatch(capture, log);
        ExitWatch exit = new ExitWatch();
        docker.logContainerCmd(id)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(frames);
        docker.waitContainerCmd(id).exec(exit);
        String problem = openProblem(exit, "wait");
        if (problem != null) {
            frames.close();
            exit.close();
            if (log != null) {
                log.close();
            }
            return Launched.failed(TaskOutcome.failedWithoutExit(
                    key,
                    FailureReason.LOST,
                    "container " + shortId(id) + " could not be re-attached after restart: " + problem));
        }
        notifyStarted(observer, id);
        if (early != null) {
            killQuietly(id);
        }
        return new Launched(
                null, new Supervision(key, id, handle, frames, exit, capture, log, null, timeoutSeconds, this));
    }

    private String create(ContainerPlan plan) {
        Confinement confinement = plan.confinement();
        HostConfig host = HostConfig.newHostConfig()
                .withAutoRemove(true)
                .withNetworkMode(plan.network())
                .withPrivileged(false)
                .withCapDrop(Capability.valueOf(ContainerPlan.CAP_DROP))
                .withSecurityOpts(List.of(ContainerPlan.NO_NEW_PRIVILEGES))
                .withPidsLimit(confinement.pids())
                .withReadonlyRootfs(confinement.readOnlyRootfs())
                .withTmpFs(Map.of(ContainerPlan.TMP, plan.tmpfsOptions()));
        if (plan.nanoCpus() > 0) {
            host.withNanoCPUs(plan.nanoCpus());
        }
        if (plan.memoryBytes() > 0) {
            host.withMemory(plan.memoryBytes()).withMemorySwap(plan.memorySwapBytes());
        }
        CreateContainerCmd create = docker.createContainerCmd(plan.image());
        if (confinement.user() != null) {
            create.withUser(confinement.user());
        }
        return create.withName(plan.name())
                .withCmd(plan.command())
                .withEnv(plan.env())
                .withLabels(plan.labels())
                .withHostConfig(host)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(plan.openStdin())
                .withStdinOpen(plan.openStdin())
                .withStdInOnce(plan.openStdin())
                .withTty(false)
                .exec()
                .getId();
    }

    private TaskOutcome createNotFound(TaskLaunch launch, NotFoundException createError) {
        boolean imagePresent;
        try {
            docker.inspectImageCmd(launch.image()).exec();
            imagePresent = true;
        } catch (NotFoundException e) {
            imagePresent = false;
        } catch (RuntimeException e) {
            imagePresent = true;
        }
        if (!imagePresent) {
            return TaskOutcome.failedWithoutExit(
                    launch.key(),
                    FailureReason.IMAGE_MISSING,
                    "image '" + launch.image()
                            + "' is not present on this node, and bftswarm never pulls images; build it locally first");
        }
        return TaskOutcome.failedWithoutExit(
                launch.key(), FailureReason.START_FAILED, "create failed: " + describe(createError));
    }

    private String start(String id) {
        try {
            docker.startContainerCmd(id).exec();
            return null;
        } catch (RuntimeException e) {
            return "start failed: " + describe(e);
        }
    }

    private static String openProblem(StreamWatch<?> watch, String what) throws InterruptedException {
        if (!watch.awaitOpened(STREAM_OPEN_SECONDS, TimeUnit.SECONDS)) {
            return what + " did not answer within " + STREAM_OPEN_SECONDS + " s";
        }
        if (watch.error() != null) {
            return what + " failed: " + describe(watch.error());
        }
        if (watch.ended() && watch instanceof ExitWatch exit && exit.statusCode() == null) {
            return what + " ended without a status";
        }
        return null;
    }

    private static String stdinProblem(StdinFeed stdin) throws InterruptedException {
        if (!stdin.awaitOpened(STREAM_OPEN_SECONDS, TimeUnit.SECONDS)) {
            return "stdin attach did not answer within " + STREAM_OPEN_SECONDS + " s";
        }
        if (stdin.error() != null) {
            return "stdin attach failed: " + describe(stdin.error());
        }
        return null;
    }

    private TaskLogWriter openLog(AttemptKey key) {
        try {
            return logs.open(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot open log file for {}: {}; the result still carries output and digest", key, e.toString());
            return null;
        }
    }

    void killQuietly(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            LOG.debug("kill {}: {}", shortId(id), e.toString());
        }
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            LOG.debug("remove {}: {}", shortId(id), e.toString());
        }
    }

    private static void notifyStarted(TaskObserver observer, String id) {
        try {
            observer.onStarted(id);
        } catch (RuntimeException e) {
            LOG.warn("task observer onStarted threw: {}", e.toString());
        }
    }

    /** Docker's own message, unwrapped from docker-java's {@code Status NNN: {"message":…}} form. */
    static String describe(Throwable t) {
        String m = t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage().strip();
        int brace = m.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode message = JSON.readTree(m.substring(brace)).get("message");
                if (message != null && message.isTextual()) {
                    m = message.asText();
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // not JSON: keep the raw text
            }
        }
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
