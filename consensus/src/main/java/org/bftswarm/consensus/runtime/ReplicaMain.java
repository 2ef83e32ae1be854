package org.bftswarm.consensus.runtime;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.consensus.storage.ReplicaLogKind;
import org.bftswarm.crypto.KeyDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one replica of the {@link HashChainStateMachine} service as a process (used by the real-process
 * tests and the consensus benchmark). Prints machine-readable lines on stdout: {@code LISTENING},
 * {@code VIEW}, {@code CHECKPOINT}, {@code STATE_INSTALLED}, and a {@code STATUS} line every
 * {@code --status-ms}. Stops on SIGTERM; is safe to SIGKILL: by default the durable log is an
 * append-only, CRC-framed journal written before any message leaves, with the stable checkpoint in
 * MapDB ({@code --log MAPDB} keeps everything in MapDB transactions instead).
 */
@Command(name = "replica", mixinStandardHelpOptions = true, description = "Run one PBFT replica process.")
public final class ReplicaMain implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "This replica's id (0..n-1).")
    int id;

    @Option(
            names = "--cluster",
            required = true,
            description = "host:port of every replica, comma-separated, in id order.")
    String cluster;

    @Option(
            names = "--swarm",
            defaultValue = "bftswarm",
            description = "Swarm (cluster) name; signed into every message.")
    String swarm;

    @Option(
            names = "--keys",
            required = true,
            description = "Key directory (node-<id>.pub and client-<id>.pub for all, node-<id>.key for this replica).")
    Path keys;

    @Option(names = "--data", required = true, description = "Data directory for the durable log.")
    Path data;

    @Option(names = "--batch", defaultValue = "64", description = "Maximum requests per batch.")
    int batch;

    @Option(names = "--batch-delay-ms", defaultValue = "2", description = "Maximum batching delay.")
    long batchDelayMs;

    @Option(
            names = "--pipeline-depth",
            defaultValue = "2",
            description = "Partial batches the primary keeps in"
                    + " flight before it waits for them to fill (full batches always go).")
    int pipelineDepth;

    @Option(names = "--checkpoint-interval", defaultValue = "64", description = "Checkpoint every K sequence numbers.")
    int checkpointInterval;

    @Option(names = "--window", defaultValue = "256", description = "Watermark window L (>= 2K).")
    int window;

    @Option(names = "--request-timeout-ms", defaultValue = "2000", description = "View-change timer.")
    long requestTimeoutMs;

    @Option(names = "--verify-workers", defaultValue = "2", description = "Signature verification threads.")
    int verifyWorkers;

    @Option(
            names = "--fsync",
            description = "Also force the durable log to the device at every group commit"
                    + " (power-loss durability); commits survive SIGKILL of the process with or without it.")
    boolean fsync;

    @Option(
            names = "--log",
            defaultValue = "JOURNAL",
            description = "Durable log: JOURNAL (append-only journal,"
                    + " checkpoints in MapDB; default) or MAPDB (every group commit a MapDB transaction).")
    ReplicaLogKind logKind;

    @Option(names = "--status-ms", defaultValue = "0", description = "Print a STATUS line this often (0: never).")
    long statusMs;

    @Override
    public Integer call() throws Exception {
        ClusterSpec spec = ClusterSpec.parse(swarm, cluster);
        KeyDirectory kd = KeyDirectory.at(keys);
        ReplicaConfig cfg = ReplicaConfig.defaults(
                        swarm, spec.n(), id, kd.loadSigningKey(id), kd.loadRegistry(spec.n()))
                .withBatching(batch, batchDelayMs)
                .withPipelineDepth(pipelineDepth)
                .withCheckpoints(checkpointInterval, window)
                .withTimers(requestTimeoutMs, 2_000, 200);
        RuntimeSettings settings = RuntimeSettings.defaults()
                .withVerifyWorkers(verifyWorkers)
                .withFsync(fsync)
                .withLog(logKind);
        ReplicaLog log = settings.openLog(data.resolve("replica-" + id));
        ReplicaRuntime runtime =
                new ReplicaRuntime(spec, cfg, new HashChainStateMachine(), log, settings, ReplicaMain::emit);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            runtime.close();
                            stopped.countDown();
                        },
                        "replica-shutdown"));
        runtime.start();
        while (runtime.failure() == null) {
            if (statusMs > 0) {
                ReplicaStatus s = runtime.status();
                emit(s.line() + " drops=" + runtime.drops().total() + " commits=" + runtime.commits()
                        + " deferred_requests=" + runtime.deferredRequests() + " verified_at_execution="
                        + runtime.requestsVerifiedAtExecution() + " late_votes=" + runtime.lateVotes());
                Thread.sleep(statusMs);
            } else {
                Thread.sleep(500);
            }
        }
        return 70;
    }

    static void emit(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    public static void main(String[] args) {
        int code = new CommandLine(new ReplicaMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
