package org.bftswarm.orchestrator;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.spec.Verification;

/**
 * Fixed parameters of the replicated scheduler, identical on every replica: cluster size n (so
 * f = ⌊(n−1)/3⌋ and a node goes DOWN on f+1 distinct suspicions, so f faulty replicas alone can
 * evict no one), the suspicion window, the grace the scheduler allows past a task's timeout before it
 * declares the attempt timed out itself, the first client id of the node principals, the cap on
 * exponential retry backoff, the retention of finished jobs (by count, age and kept output; older ones
 * are dropped, oldest first, so snapshots stay bounded), the verification mode of jobs that name none,
 * after how many disagreements with accepted results a node gets no new work, the configured capacity
 * and labels of each node, the clients that may sign operations, and the state-transfer limit on a
 * snapshot (consensus refuses larger ones; {@link StateBudget} keeps the state within half of it). All
 * durations are in batch-time milliseconds.
 */
public record SchedulerConfig(
        int clusterSize,
        long suspicionWindowMillis,
        long timeoutGraceMillis,
        int nodeClientBase,
        long maxBackoffMillis,
        RetentionLimits retention,
        String defaultVerification,
        int quarantineAfter,
        SortedMap<Integer, ConfiguredNode> configuredNodes,
        ClientPolicy clientPolicy,
        long stateTransferLimitBytes) {

    public static final long DEFAULT_SUSPICION_WINDOW_MILLIS = 10_000;
    public static final long DEFAULT_TIMEOUT_GRACE_MILLIS = 5_000;
    public static final int DEFAULT_NODE_CLIENT_BASE = 1000;
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 3_600_000;
    public static final int DEFAULT_MAX_FINISHED_JOBS = RetentionLimits.DEFAULT_FINISHED_JOBS;
    /** The snapshot bound of consensus' {@code ReplicaConfig.defaults} (64 MiB): state transfer refuses more. */
    public static final long DEFAULT_STATE_TRANSFER_LIMIT_BYTES = 64L * 1024 * 1024;

    public static final int DEFAULT_QUARANTINE_AFTER = 3;
    /** The swarm name client signatures are bound to when none is configured (tests, simulations). */
    public static final String DEFAULT_SWARM = "bftswarm";

    /**
     * A node's capacity and labels as the cluster configuration gives them; a registration claiming
     * anything else is refused, so a node cannot attract work by inflating itself.
     */
    public record ConfiguredNode(double cpus, long memoryMb, SortedMap<String, String> labels) {
        public ConfiguredNode {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }

    public SchedulerConfig {
        Invariants.check(
                clusterSize >= 1 && clusterSize <= 1000, "cluster size must be in 1..1000, got %s", clusterSize);
        Invariants.check(suspicionWindowMillis > 0, "suspicion window must be positive");
        Invariants.check(timeoutGraceMillis >= 0, "timeout grace must be >= 0");
        Invariants.check(
                nodeClientBase >= clusterSize,
                "node client ids %s.. would overlap replica ids 0..%s",
                nodeClientBase,
                clusterSize - 1);
        Invariants.check(maxBackoffMillis >= 0, "max backoff must be >= 0");
        Invariants.check(retention != null, "retention limits missing");
        Invariants.check(
                Verification.MODES.contains(defaultVerification),
                "default verification must be one of %s, got %s",
                Verification.MODES,
                defaultVerification);
        Invariants.check(quarantineAfter >= 1, "quarantineAfter must be >= 1, got %s", quarantineAfter);
        configuredNodes = Collections.unmodifiableSortedMap(new TreeMap<>(configuredNodes));
        Invariants.check(clientPolicy != null, "client policy missing");
        Invariants.check(
                stateTransferLimitBytes >= 1024 * 1024,
                "state-transfer limit must be at least 1 MiB, got %s",
                stateTransferLimitBytes);
    }

    /** Same, with verification {@code none} by default, the default quarantine and no configured nodes. */
    public SchedulerConfig(
            int clusterSize,
            long suspicionWindowMillis,
            long timeoutGraceMillis,
            int nodeClientBase,
            long maxBackoffMillis,
            int maxFinishedJobs) {
        this(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                RetentionLimits.DEFAULTS.withFinishedJobs(maxFinishedJobs),
                Verification.NONE,
                DEFAULT_QUARANTINE_AFTER,
                new TreeMap<>(),
                ClientPolicy.none(DEFAULT_SWARM),
                DEFAULT_STATE_TRANSFER_LIMIT_BYTES);
    }

    /** The same parameters with another default verification mode and quarantine threshold. */
    public SchedulerConfig withVerification(String mode, int disagreementsBeforeQuarantine) {
        return new SchedulerConfig(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                retention,
                mode,
                disagreementsBeforeQuarantine,
                configuredNodes,
                clientPolicy,
                stateTransferLimitBytes);
    }

    /** The same parameters with the configured capacity and labels of every node (empty: claims accepted). */
    public SchedulerConfig withConfiguredNodes(SortedMap<Integer, ConfiguredNode> nodes) {
        return new SchedulerConfig(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                retention,
                defaultVerification,
                quarantineAfter,
                nodes,
                clientPolicy,
                stateTransferLimitBytes);
    }

    /** The same parameters with the clients that may sign operations, and whether tokens are allowed. */
    public SchedulerConfig withClientPolicy(ClientPolicy policy) {
        return new SchedulerConfig(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                retention,
                defaultVerification,
                quarantineAfter,
                configuredNodes,
                policy,
                stateTransferLimitBytes);
    }

    /** The same parameters with other retention limits for finished jobs. */
    public SchedulerConfig withRetention(RetentionLimits limits) {
        return new SchedulerConfig(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                limits,
                defaultVerification,
                quarantineAfter,
                configuredNodes,
                clientPolicy,
                stateTransferLimitBytes);
    }

    /** The same parameters with another state-transfer limit (the snapshot bound consensus enforces). */
    public SchedulerConfig withStateTransferLimit(long bytes) {
        return new SchedulerConfig(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                retention,
                defaultVerification,
                quarantineAfter,
                configuredNodes,
                clientPolicy,
                bytes);
    }

    /** How many finished jobs are kept at most. */
    public int maxFinishedJobs() {
        return retention.finishedJobs();
    }

    /** Same, keeping the default number of finished jobs. */
    public SchedulerConfig(
            int clusterSize,
            long suspicionWindowMillis,
            long timeoutGraceMillis,
            int nodeClientBase,
            long maxBackoffMillis) {
        this(
                clusterSize,
                suspicionWindowMillis,
                timeoutGraceMillis,
                nodeClientBase,
                maxBackoffMillis,
                DEFAULT_MAX_FINISHED_JOBS);
    }

    /** Defaults for a cluster of {@code n} nodes. */
    public static SchedulerConfig defaults(int n) {
        return new SchedulerConfig(
                n,
                DEFAULT_SUSPICION_WINDOW_MILLIS,
                DEFAULT_TIMEOUT_GRACE_MILLIS,
                DEFAULT_NODE_CLIENT_BASE,
                DEFAULT_MAX_BACKOFF_MILLIS,
                DEFAULT_MAX_FINISHED_JOBS);
    }

    /** f: how many faulty nodes the cluster tolerates. */
    public int faults() {
        return Quorums.faultsTolerated(clusterSize);
    }

    /** f+1: distinct suspectors needed to mark a node DOWN (at least one of them is correct). */
    public int suspicionQuorum() {
        return faults() + 1;
    }
}
