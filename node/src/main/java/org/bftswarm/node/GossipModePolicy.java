package org.bftswarm.node;

import org.bftswarm.node.config.GossipSettings;

/**
 * Chooses a node's {@link GossipMode} from {@link GossipConditions}, pure (time passed in). The first
 * rule that holds wins:
 *
 * <ol>
 *   <li>a peer the schedule has UP is silent: {@code aggressive} (repair; heard again or evicted ends it);
 *   <li>a job is not finished or a task runs here: {@code normal}, so failover keeps its configured speed;
 *   <li>the energy state asks to save power: {@code emergency};
 *   <li>a job was submitted less than {@link #QUIET_AFTER_MILLIS} ago: {@code normal};
 *   <li>otherwise the cluster is healthy and quiet: {@code conservative}.
 * </ol>
 *
 * <p>The interval is the configured heartbeat period times the mode's factor, and in the two slow modes
 * also times {@code n / 4} when n is above 4, so that the heartbeats each node receives per second stay
 * about those of a quiet 4-node cluster; the result is clamped to [{@code gossip.minIntervalMs},
 * {@code gossip.maxIntervalMs}]. Idle {@code Tick}s follow the same factor (with the {@code n / 4}
 * scaling: a Tick is one PBFT round, n² signed messages, so a quiet 10-node cluster ticking as often as
 * a 4-node one spent more on consensus than on anything else) but never run faster than configured,
 * and the maximum interval does not cap them (in the slow modes no job is active, so only retention of
 * finished jobs and expiry of suspicion votes wait on the clock, and any operation advances it); CRDT
 * anti-entropy re-sends scale with the interval. Peers time their suspicion of this node by the
 * interval it announces (see {@code FailureDetectorSettings#timeoutFor}), so a slower mode never gets
 * it evicted.
 */
public final class GossipModePolicy {
    /** A submission younger than this keeps a node at {@code normal} even once its job finished. */
    public static final long QUIET_AFTER_MILLIS = 30_000;
    /** Cluster size whose heartbeat load the slow modes keep per node. */
    static final int REFERENCE_SIZE = 4;

    private GossipModePolicy() {}

    /** The anti-entropy period at the configured heartbeat period; it scales with the chosen interval. */
    public static final long BASE_ANTI_ENTROPY_MILLIS = 3_000;

    public static GossipDecision choose(
            GossipConditions c, long periodMillis, long tickMillis, GossipSettings bounds, long nowMillis) {
        return choose(c, periodMillis, tickMillis, BASE_ANTI_ENTROPY_MILLIS, bounds, nowMillis);
    }

    /** The same, with the anti-entropy period at the configured heartbeat period given. */
    public static GossipDecision choose(
            GossipConditions c,
            long periodMillis,
            long tickMillis,
            long antiEntropyMillis,
            GossipSettings bounds,
            long nowMillis) {
        GossipMode mode;
        String reason;
        long sinceSubmission = nowMillis - c.lastSubmissionMillis();
        if (c.silentPeers() > 0) {
            mode = GossipMode.AGGRESSIVE;
            reason = "repair: " + c.silentPeers() + " of " + (c.clusterSize() - 1) + " peers silent";
        } else if (c.activeJobs() > 0 || c.runningTasksHere() > 0) {
            mode = GossipMode.NORMAL;
            reason = "work: " + c.activeJobs() + " jobs active, " + c.runningTasksHere() + " tasks running here";
        } else if (c.energyLow()) {
            mode = GossipMode.EMERGENCY;
            reason = "energy low";
        } else if (c.lastSubmissionMillis() >= 0 && sinceSubmission < QUIET_AFTER_MILLIS) {
            mode = GossipMode.NORMAL;
            reason = "recent: last job submitted " + Math.max(0, sinceSubmission) / 1000 + " s ago";
        } else {
            mode = GossipMode.CONSERVATIVE;
            reason = "quiet: no work for " + QUIET_AFTER_MILLIS / 1000 + " s, every peer heard";
        }
        return decide(mode, c.clusterSize(), periodMillis, tickMillis, antiEntropyMillis, bounds, reason);
    }

    private static GossipDecision decide(
            GossipMode mode,
            int clusterSize,
            long periodMillis,
            long tickMillis,
            long antiEntropyMillis,
            GossipSettings b,
            String reason) {
        double factor = mode.intervalFactor();
        if (factor > 1 && clusterSize > REFERENCE_SIZE) {
            factor *= (double) clusterSize / REFERENCE_SIZE;
        }
        long interval = Math.round(periodMillis * factor);
        interval = Math.max(b.minIntervalMs(), Math.min(b.maxIntervalMs(), interval));
        long tick = Math.round(tickMillis * Math.max(1.0, factor));
        long antiEntropy = Math.round((double) antiEntropyMillis * interval / periodMillis);
        return new GossipDecision(mode, interval, tick, antiEntropy, reason);
    }
}
