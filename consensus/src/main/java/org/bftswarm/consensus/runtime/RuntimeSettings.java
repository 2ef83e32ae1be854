package org.bftswarm.consensus.runtime;

import java.io.IOException;
import java.nio.file.Path;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.consensus.storage.ReplicaLogKind;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.Invariants;

/**
 * Threads and timing of one replica process: transport limits, signature-verification workers,
 * reply-signing workers, core tick period, how long a replica message's copies count as replays, and
 * which durable log is kept and how it is written (mmap; forcing it at each group commit, off by default:
 * a commit survives SIGKILL of the process either way; forcing also makes it survive a power cut).
 */
public record RuntimeSettings(
        TransportConfig transport,
        int verifyWorkers,
        int replySigners,
        long tickMillis,
        long replayHorizonMillis,
        boolean mmap,
        boolean fsync,
        ReplicaLogKind log) {
    public RuntimeSettings {
        Invariants.check(verifyWorkers >= 1, "verifyWorkers %s", verifyWorkers);
        Invariants.check(replySigners >= 1, "replySigners %s", replySigners);
        Invariants.check(tickMillis >= 1, "tickMillis %s", tickMillis);
    }

    public RuntimeSettings withVerifyWorkers(int workers) {
        return new RuntimeSettings(transport, workers, replySigners, tickMillis, replayHorizonMillis, mmap, fsync, log);
    }

    public RuntimeSettings withFsync(boolean on) {
        return new RuntimeSettings(
                transport, verifyWorkers, replySigners, tickMillis, replayHorizonMillis, mmap, on, log);
    }

    public RuntimeSettings withLog(ReplicaLogKind kind) {
        return new RuntimeSettings(
                transport, verifyWorkers, replySigners, tickMillis, replayHorizonMillis, mmap, fsync, kind);
    }

    /** Opens this setting's durable log under {@code base} (see {@link ReplicaLogKind#open}). */
    public ReplicaLog openLog(Path base) throws IOException {
        return log.open(base, mmap, fsync);
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(TransportConfig.defaults(), 2, 1, 1, 100, true, false, ReplicaLogKind.JOURNAL);
    }
}
