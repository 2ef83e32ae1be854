package org.bftswarm.consensus.core;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;

/**
 * Static parameters of one replica: identity and keys, batching (max size, max delay, how many
 * partial batches may be in flight),
 * checkpoint interval K and watermark window L (PBFT section 4.3), request timeout (doubling per
 * consecutive failed view, section 4.4), allowed clock skew for primary timestamps, the
 * retransmission period, and state-transfer chunk size and snapshot bound.
 */
public record ReplicaConfig(
        String swarm,
        int n,
        int id,
        SigningKey key,
        KeyRegistry keys,
        int maxBatchSize,
        long maxBatchDelayMs,
        int maxInFlightBatches,
        int checkpointInterval,
        int watermarkWindow,
        long requestTimeoutMs,
        long maxClockSkewMs,
        long retransmitIntervalMs,
        int stateChunkBytes,
        int maxSnapshotBytes,
        Quorums quorums) {
    public ReplicaConfig {
        Invariants.check(id >= 0 && id < n, "replica id %d outside [0,%d)", id, n);
        Invariants.check(quorums.n() == n, "quorums for n=%d but n=%d", quorums.n(), n);
        Invariants.check(maxBatchSize >= 1, "maxBatchSize %d", maxBatchSize);
        Invariants.check(maxInFlightBatches >= 1, "maxInFlightBatches %d", maxInFlightBatches);
        Invariants.check(checkpointInterval >= 1, "checkpointInterval %d", checkpointInterval);
        Invariants.check(
                watermarkWindow >= 2 * checkpointInterval,
                "window %d < 2K (K=%d)",
                watermarkWindow,
                checkpointInterval);
        Invariants.check(stateChunkBytes >= 1 && maxSnapshotBytes >= stateChunkBytes, "chunk/snapshot bounds");
    }

    /**
     * Defaults sized for the runtime: batches of 64, 2 ms delay, 2 partial batches in flight, K=64, L=128,
     * 2 s request timeout, 2 s timestamp skew, 200 ms retransmission, 256 KiB state chunks, snapshots up to 64 MiB.
     * A VIEW-CHANGE carries up to L batches, so frames must allow about L x maxBatch x request size.
     */
    public static ReplicaConfig defaults(String swarm, int n, int id, SigningKey key, KeyRegistry keys) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                64,
                2,
                2,
                64,
                128,
                2000,
                2000,
                200,
                256 * 1024,
                64 * 1024 * 1024,
                new Quorums(n));
    }

    public int f() {
        return quorums.f();
    }

    public ReplicaConfig withBatching(int maxBatch, long delayMs) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatch,
                delayMs,
                maxInFlightBatches,
                checkpointInterval,
                watermarkWindow,
                requestTimeoutMs,
                maxClockSkewMs,
                retransmitIntervalMs,
                stateChunkBytes,
                maxSnapshotBytes,
                quorums);
    }

    /**
     * How many batches the primary keeps in flight (proposed, not executed) before it stops cutting
     * batches that are not full: while they are in flight requests accumulate, so under load batches
     * fill up and the per-batch signatures (pre-prepare, prepares, commits) are shared by more requests.
     * Full batches are still pipelined up to the watermark window.
     */
    public ReplicaConfig withPipelineDepth(int batchesInFlight) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatchSize,
                maxBatchDelayMs,
                batchesInFlight,
                checkpointInterval,
                watermarkWindow,
                requestTimeoutMs,
                maxClockSkewMs,
                retransmitIntervalMs,
                stateChunkBytes,
                maxSnapshotBytes,
                quorums);
    }

    public ReplicaConfig withCheckpoints(int k, int window) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatchSize,
                maxBatchDelayMs,
                maxInFlightBatches,
                k,
                window,
                requestTimeoutMs,
                maxClockSkewMs,
                retransmitIntervalMs,
                stateChunkBytes,
                maxSnapshotBytes,
                quorums);
    }

    public ReplicaConfig withTimers(long requestTimeout, long skew, long retransmit) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatchSize,
                maxBatchDelayMs,
                maxInFlightBatches,
                checkpointInterval,
                watermarkWindow,
                requestTimeout,
                skew,
                retransmit,
                stateChunkBytes,
                maxSnapshotBytes,
                quorums);
    }

    public ReplicaConfig withStateChunks(int chunkBytes, int maxSnapshot) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatchSize,
                maxBatchDelayMs,
                maxInFlightBatches,
                checkpointInterval,
                watermarkWindow,
                requestTimeoutMs,
                maxClockSkewMs,
                retransmitIntervalMs,
                chunkBytes,
                maxSnapshot,
                quorums);
    }

    public ReplicaConfig withQuorums(Quorums q) {
        return new ReplicaConfig(
                swarm,
                n,
                id,
                key,
                keys,
                maxBatchSize,
                maxBatchDelayMs,
                maxInFlightBatches,
                checkpointInterval,
                watermarkWindow,
                requestTimeoutMs,
                maxClockSkewMs,
                retransmitIntervalMs,
                stateChunkBytes,
                maxSnapshotBytes,
                q);
    }
}
