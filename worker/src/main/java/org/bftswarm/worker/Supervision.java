package org.bftswarm.worker;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows one started container to its end without holding a thread (kill on
 * timeout; exit code and output captured before auto-removal). Driven by events: the wait stream
 * ending (exit code known), the attach or log stream ending (all output received), the timeout
 * firing (kill, outcome TIMEOUT), and two deadlines: output drain after exit, and an exit after a
 * kill (else LOST). Exactly one outcome is produced, unless the worker abandons the attempt on
 * shutdown, in which case none is and the container is left for reconciliation. The stdin feed, if
 * any, is closed when the attempt ends one way or another and when its timeout fires, so delivering
 * stdin never outlives the attempt.
 */
final class Supervision {
    static final long EXIT_AFTER_KILL_SECONDS = 30;
    static final long OUTPUT_DRAIN_SECONDS = 10;

    private final AttemptKey key;
    private final String containerId;
    private final RunningAttempt handle;
    private final FrameWatch frames;
    private final ExitWatch exit;
    private final OutputCapture capture;
    private final TaskLogWriter log;
    private final StdinFeed stdin;
    private final long timeoutSeconds;
    private final AttemptExecution docker;
    /** The exit code of a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private final AtomicBoolean over = new AtomicBoolean();
    private boolean oomGraceUsed;
    private volatile ScheduledFuture<?> timeoutTimer;
    private volatile ScheduledFuture<?> deadlineTimer;
    private ScheduledExecutorService timer;
    private Consumer<TaskOutcome> onDone;

    Supervision(
            AttemptKey key,
            String containerId,
            RunningAttempt handle,
            FrameWatch frames,
            ExitWatch exit,
            OutputCapture capture,
            TaskLogWriter log,
            StdinFeed stdin,
            long timeoutSeconds,
            AttemptExecution docker) {
        this.key = key;
        this.containerId = containerId;
        this.handle = handle;
        this.frames = frames;
        this.exit = exit;
        this.capture = capture;
        this.log = log;
        this.stdin = stdin;
        this.timeoutSeconds = timeoutSeconds;
        this.docker = docker;
    }

    String containerId() {
        return containerId;
    }

    /** Starts following; {@code done} receives the single outcome. */
    void begin(ScheduledExecutorService timerService, Consumer<TaskOutcome> done) {
        synchronized (this) {
            this.timer = timerService;
            this.onDone = done;
        }
        if (timeoutSeconds > 0) {
            try {
                timeoutTimer = timer.schedule(this::timedOut, timeoutSeconds, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                abandon();
                return;
            }
        }
        exit.whenEnded(this::exitEnded);
        frames.whenEnded(this::outputEnded);
    }

    /** Stops following without an outcome (worker shutting down); the container keeps running. */
    void abandon() {
        if (over.compareAndSet(false, true)) {
            cancelTimers();
            closeStreams();
        }
    }

    private void timedOut() {
        if (over.get()) {
            return;
        }
        handle.requestKill(FailureReason.TIMEOUT);
        if (stdin != null) {
            stdin.close();
        }
        docker.killQuietly(containerId);
        armDeadline(EXIT_AFTER_KILL_SECONDS);
    }

    /** Called by the runner after a kill request was sent, so a container that never exits ends as LOST. */
    void killed() {
        armDeadline(EXIT_AFTER_KILL_SECONDS);
    }

    private void exitEnded() {
        if (exit.statusCode() == null || frames.ended()) {
            finish();
        } else {
            armDeadline(OUTPUT_DRAIN_SECONDS);
        }
    }

    private void outputEnded() {
        if (exit.ended()) {
            finish();
        }
    }

    private synchronized void armDeadline(long seconds) {
        if (over.get() || timer == null) {
            return;
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
        try {
            deadlineTimer = timer.schedule(this::finish, seconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // the worker is shutting down; the attempt is abandoned
        }
    }

    private void finish() {
        if (awaitingOomEvent()) {
            return;
        }
        if (!over.compareAndSet(false, true)) {
            return;
        }
        cancelTimers();
        closeStreams();
        OutputCapture.Captured out = capture.seal();
        Integer code = exit.statusCode();
        TaskOutcome outcome;
        if (code == null) {
            docker.killQuietly(containerId);
            outcome = new TaskOutcome(
                    key,
                    TaskOutcome.NO_EXIT_CODE,
                    out.prefix(),
                    out.digest(),
                    out.totalBytes(),
                    out.truncated(),
                    FailureReason.LOST,
                    "Docker reported no exit status for container "
                            + AttemptExecution.shortId(containerId) + ": "
                            + (exit.error() == null ? "no answer" : AttemptExecution.describe(exit.error())));
        } else {
            FailureReason killed = handle.killReason();
            FailureReason reason = killed != null
                    ? killed
                    : code == SIGKILL_EXIT && docker.oomKilled(containerId) ? FailureReason.OOM : FailureReason.NONE;
            String detail = switch (reason) {
                case OOM -> "ran out of memory (its memoryMb limit) and was killed by the kernel";
                case TIMEOUT -> "exceeded its timeout of " + timeoutSeconds + " s and was killed";
                case KILLED -> "killed on request";
                default -> "";
            };
            outcome = new TaskOutcome(
                    key, code, out.prefix(), out.digest(), out.totalBytes(), out.truncated(), reason, detail);
        }
        Consumer<TaskOutcome> done;
        synchronized (this) {
            done = onDone;
        }
        done.accept(outcome);
    }

    /**
     * True when the container exited 137 (SIGKILL) without the agent killing it and the engine's
     * {@code oom} event has not been seen yet: then finishing waits (once, {@link OomWatch#GRACE_MILLIS})
     * for the event, which travels on another connection than the exit.
     */
    private synchronized boolean awaitingOomEvent() {
        Integer code = exit.statusCode();
        if (over.get()
                || oomGraceUsed
                || code == null
                || code != SIGKILL_EXIT
                || handle.killReason() != null
                || docker.oomKilled(containerId)
                || timer == null) {
            return false;
        }
        oomGraceUsed = true;
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
        try {
            deadlineTimer = timer.schedule(this::finish, OomWatch.GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void cancelTimers() {
        ScheduledFuture<?> t = timeoutTimer;
        if (t != null) {
            t.cancel(false);
        }
        synchronized (this) {
            if (deadlineTimer != null) {
                deadlineTimer.cancel(false);
            }
        }
    }

    private void closeStreams() {
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
