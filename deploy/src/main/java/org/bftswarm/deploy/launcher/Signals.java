package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends POSIX signals to processes that are not our children (node JVMs started by an earlier
 * {@code up}). {@link ProcessHandle} can only TERM and KILL, so STOP and CONT go through the
 * {@code kill} command; TERM and KILL use {@link ProcessHandle} directly.
 */
public final class Signals {
    public enum Signal {
        TERM,
        KILL,
        STOP,
        CONT
    }

    private Signals() {}

    /** Sends {@code signal} to {@code pid}; true when it was delivered. */
    public static boolean send(long pid, Signal signal) {
        switch (signal) {
            case TERM:
                return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
            case KILL:
                return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            default:
                return killCommand(pid, signal);
        }
    }

    /** Arguments of the {@code kill} command for a signal (pure, unit-tested). */
    static List<String> killArgs(long pid, Signal signal) {
        return List.of("kill", "-" + signal.name(), Long.toString(pid));
    }

    private static boolean killCommand(long pid, Signal signal) {
        try {
            Process p = new ProcessBuilder(killArgs(pid, signal))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@code pid} is gone (or a zombie), polling; true if it went within {@code timeoutMillis}. */
    public static boolean awaitExit(long pid, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (ProcessProbe.isAlive(pid)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
