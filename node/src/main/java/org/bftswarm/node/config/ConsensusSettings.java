package org.bftswarm.node.config;

import org.bftswarm.crypto.Invariants;

/**
 * PBFT parameters of a cluster (Castro &amp; Liskov, OSDI '99, §4.2–4.4): the primary cuts a batch
 * at {@code batchMaxSize} requests or {@code batchMaxDelayMs}; a checkpoint is taken every
 * {@code checkpointInterval} sequence numbers (K); at most {@code watermarkWindow} sequence numbers
 * (L, the distance between low and high watermark) are in flight; a backup that waits longer than
 * {@code requestTimeoutMs} for a request to execute starts a view change.
 */
public record ConsensusSettings(
        int batchMaxSize, int batchMaxDelayMs, int checkpointInterval, int requestTimeoutMs, int watermarkWindow) {

    public static final ConsensusSettings DEFAULTS = new ConsensusSettings(64, 5, 128, 2000, 256);

    public ConsensusSettings {
        Invariants.check(batchMaxSize >= 1, "batchMaxSize %d < 1", batchMaxSize);
        Invariants.check(batchMaxDelayMs >= 0, "batchMaxDelayMs %d < 0", batchMaxDelayMs);
        Invariants.check(checkpointInterval >= 1, "checkpointInterval %d < 1", checkpointInterval);
        Invariants.check(requestTimeoutMs >= 1, "requestTimeoutMs %d < 1", requestTimeoutMs);
        Invariants.check(
                watermarkWindow >= checkpointInterval,
                "watermarkWindow %d < checkpointInterval %d",
                watermarkWindow,
                checkpointInterval);
    }
}
