package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Fault injection on a running cluster: SIGKILL a node, SIGSTOP/SIGCONT it,
 * restart it (SIGKILL, then the same command again), or {@code docker kill} a task's container.
 * Each method returns the exit code of its command and says what it did.
 */
public final class FaultInjector {
    private final ClusterTarget target;
    private final ProcessProbe processes;
    private final PrintWriter out;
    private final PrintWriter err;

    public FaultInjector(ClusterTarget target, PrintWriter out, PrintWriter err) {
        this.target = target;
        this.processes = new ProcessProbe(target.layout());
        this.out = out;
        this.err = err;
    }

    public int kill(int id) throws InterruptedException {
        OptionalLong pid = running(id);
        if (pid.isEmpty()) {
            return 1;
        }
        Signals.send(pid.getAsLong(), Signals.Signal.KILL);
        boolean gone = Signals.awaitExit(pid.getAsLong(), 5_000);
        out.printf(
                gone
                        ? "killed node %d (pid %d, SIGKILL)%n"
                        : "sent SIGKILL to node %d (pid %d) but it is still there%n",
                id,
                pid.getAsLong());
        out.flush();
        return gone ? 0 : 1;
    }

    public int pause(int id) {
        return signal(id, Signals.Signal.STOP, "paused");
    }

    public int resume(int id) {
        return signal(id, Signals.Signal.CONT, "resumed");
    }

    /**
     * SIGKILL node {@code id} if it runs, start it again, and wait (bounded) until its /healthz
     * answers and it has caught up with the sequence number the other nodes had reached.
     */
    public int restart(int id, Duration timeout) throws IOException, InterruptedException {
        OptionalLong pid = processes.livePid(id);
        if (pid.isPresent()) {
            Signals.send(pid.getAsLong(), Signals.Signal.CONT);
            Signals.send(pid.getAsLong(), Signals.Signal.KILL);
            if (!Signals.awaitExit(pid.getAsLong(), 5_000)) {
                err.printf("bftswarm restart: node %d (pid %d) survived SIGKILL%n", id, pid.getAsLong());
                return 1;
            }
            out.printf("killed node %d (pid %d)%n", id, pid.getAsLong());
        }
        ClusterInspector inspector = new ClusterInspector(target);
        long catchUpTo = 0;
        for (int other = 0; other < target.config().n(); other++) {
            if (other != id && processes.livePid(other).isPresent()) {
                catchUpTo = Math.max(catchUpTo, inspector.probe(other).lastExecuted());
            }
        }
        long newPid = new NodeSpawner(target).start(id);
        out.printf(
                "started node %d (pid %d), log %s%n",
                id, newPid, target.layout().logFile(id));
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            NodeProbe probe = inspector.probe(id);
            if (probe.healthy() && probe.lastExecuted() >= catchUpTo) {
                out.printf(
                        "node %d is healthy (%s) and has executed up to sequence %d%n",
                        id, target.apiUrl(id), probe.lastExecuted());
                out.flush();
                return 0;
            }
            if (!probe.processAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        err.printf(
                "bftswarm restart: node %d did not become healthy and catch up (sequence %d) within %d s."
                        + " Last lines of %s:%n",
                id, catchUpTo, timeout.toSeconds(), target.layout().logFile(id));
        for (String line : LogTail.lastLines(target.layout().logFile(id), UpProcedure.LOG_TAIL_LINES)) {
            err.println("  | " + line);
        }
        err.flush();
        return 1;
    }

    /** {@code docker kill} of the container(s) running task {@code taskId} in this swarm. */
    public int killContainer(String taskId) throws IOException {
        List<String> killed = new DockerCli().killTask(target.config().swarm(), taskId);
        if (killed.isEmpty()) {
            err.printf(
                    "bftswarm kill-container: no running container of task %s in swarm %s%n",
                    taskId, target.config().swarm());
            err.flush();
            return 1;
        }
        for (String id : killed) {
            out.printf("killed container %s of task %s%n", id.substring(0, Math.min(12, id.length())), taskId);
        }
        out.flush();
        return 0;
    }

    private int signal(int id, Signals.Signal signal, String done) {
        OptionalLong pid = running(id);
        if (pid.isEmpty()) {
            return 1;
        }
        if (!Signals.send(pid.getAsLong(), signal)) {
            err.printf("bftswarm: could not send SIG%s to node %d (pid %d)%n", signal, id, pid.getAsLong());
            err.flush();
            return 1;
        }
        out.printf("%s node %d (pid %d, SIG%s)%n", done, id, pid.getAsLong(), signal);
        out.flush();
        return 0;
    }

    private OptionalLong running(int id) {
        OptionalLong pid = processes.livePid(id);
        if (pid.isEmpty()) {
            err.printf(
                    "bftswarm: node %d is not running (no live process in %s)%n",
                    id, target.layout().pidFile(id));
            err.flush();
        }
        return pid;
    }
}
