package org.bftswarm.tests.limit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.bftswarm.deploy.launcher.FaultInjector;
import org.bftswarm.deploy.launcher.LogTail;
import org.bftswarm.deploy.launcher.PidFiles;
import org.bftswarm.deploy.launcher.ProcessProbe;
import org.bftswarm.tests.support.ClusterTestSupport;
import org.bftswarm.tests.support.RealCluster;

/**
 * The real cluster of the state-at-its-limit test: HTTP ports 28700+, WebSocket 29400+, consensus/state
 * 28000+ (apart from the other suites' ranges and the default random range 20000..20999), a checkpoint every
 * {@value #CHECKPOINT_INTERVAL} sequence numbers, fast heartbeat timers, and a small retention: finished jobs
 * keep at most {@value #MAX_OUTPUT_BYTES} bytes of output, so a few dozen 64 KiB outputs reach the limit.
 */
final class LimitCluster extends RealCluster {
    static final int CHECKPOINT_INTERVAL = 16;
    static final long MAX_OUTPUT_BYTES = 2L * 1024 * 1024;
    static final int FINISHED_JOBS = 48;

    private LimitCluster(Path dir) throws IOException {
        super(
                dir,
                "state-at-limit test",
                "limit",
                new PortBases(28700, 29400, 28000),
                List.of(
                        "consensus:",
                        "  requestTimeoutMs: 2000",
                        "  checkpointInterval: " + CHECKPOINT_INTERVAL,
                        "  watermarkWindow: " + 2 * CHECKPOINT_INTERVAL,
                        "heartbeat:",
                        "  periodMs: 500",
                        "  suspicionTimeoutMs: 3000",
                        "retention:",
                        "  finishedJobs: " + FINISHED_JOBS,
                        "  maxOutputBytes: " + MAX_OUTPUT_BYTES));
    }

    static LimitCluster create(Path dir) throws IOException {
        return new LimitCluster(dir);
    }

    FaultInjector faults() {
        return new FaultInjector(target(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Node {@code id}'s log file, whole. */
    Path logFile(int id) {
        return target().layout().logFile(id);
    }

    /** Fails at once, with the end of its log, when node {@code id}'s process is gone. */
    void requireRunning(int id) {
        OptionalLong pid = new PidFiles(target().layout()).read(id);
        if (pid.isEmpty() || !ProcessProbe.isAlive(pid.getAsLong())) {
            throw new AssertionError("node " + id + " exited; last lines of its log:\n  | "
                    + String.join("\n  | ", LogTail.lastLines(logFile(id), 30)));
        }
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ClusterTestSupport.await(what, timeout, Duration.ofMillis(200), condition);
    }
}
