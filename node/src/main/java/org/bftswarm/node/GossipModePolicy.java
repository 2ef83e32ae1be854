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
 * {@code gossip.maxIntervalMs}]. Idle {@code Tick}s follow the mode's factor but never run faster than
 * configured. Peers time their suspicion of this node by the interval it announces (see
 * {@code FailureDetectorSettings#timeoutFor}), so a slower mode never gets it evicted.
 */
public final class GossipModePolicy {
    /** A submission younger than this keeps a node at {@code normal} even once its job finished. */
    public static final long QUIET_AFTER_MILLIS = 30_000;
    /** Cluster size whose heartbeat load the slow modes keep per node. */
    static final int REFERENCE_SIZE = 4;

    private GossipModePolicy() {}

    public static GossipDecision choose(
            GossipConditions c, long periodMillis, long tickMillis, GossipSettings bounds, long nowMillis) {
        if (c.silentPeers() > 0) {
            return decide(
                    GossipMode.AGGRESSIVE,
                    c,
                    periodMillis,
                    tickMillis,
                    bounds,
                    "repair: " + c.silentPeers() + " of " + (c.clusterSize() - 1) + " peers silent");
        }
        if (c.activeJobs() > 0 || c.runningTasksHere() > 0) {
            return decide(
                    GossipMode.NORMAL,
                    c,
                    periodMillis,
                    tickMillis,
                    bounds,
                    "work: " + c.activeJobs() + " jobs active, " + c.runningTasksHere() + " tasks running here");
        }
        if (c.energyLow()) {
            return decide(GossipMode.EMERGENCY, c, periodMillis, tickMillis, bounds, "energy low");
        }
        long sinceSubmission = nowMillis - c.lastSubmissionMillis();
        if (c.lastSubmissionMillis() >= 0 && sinceSubmission < QUIET_AFTER_MILLIS) {
            return decide(
                    GossipMode.NORMAL,
                    c,
                    periodMillis,
                    tickMillis,
                    bounds,
                    "recent: last job submitted " + Math.max(0, sinceSubmission) / 1000 + " s ago");
        }
        return decide(
                GossipMode.CONSERVATIVE,
                c,
                periodMillis,
                tickMillis,
                bounds,
                "quiet: no work for " + QUIET_AFTER_MILLIS / 1000 + " s, every peer heard");
    }

    private static GossipDecision decide(
            GossipMode mode, GossipConditions c, long periodMillis, long tickMillis, GossipSettings b, String reason) {
        double factor = mode.intervalFactor();
        if (factor > 1 && c.clusterSize() > REFERENCE_SIZE) {
            factor *= (double) c.clusterSize() / REFERENCE_SIZE;
        }
        long interval = Math.round(periodMillis * factor);
        interval = Math.max(b.minIntervalMs(), Math.min(b.maxIntervalMs(), interval));
        long tick = Math.round(tickMillis * Math.max(1.0, mode.intervalFactor()));
        return new GossipDecision(mode, interval, tick, reason);
    }
}
