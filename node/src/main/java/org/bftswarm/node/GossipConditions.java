package org.bftswarm.node;

import org.bftswarm.crypto.Invariants;

/**
 * What a node measured when it chooses its {@link GossipMode}, all local and cheap: the cluster size,
 * how many peers the scheduler still has UP but this node's failure detector finds silent (lost
 * heartbeats not yet repaired by an eviction), how many jobs are not finished, how many tasks run
 * here, when the newest job was submitted, and whether the node's energy state asks to save power
 * (no energy source exists yet: always false until one reports).
 *
 * @param clusterSize         n
 * @param silentPeers         peers UP in the schedule that this node has not heard within their timeout
 * @param activeJobs          jobs not in a terminal state
 * @param runningTasksHere    tasks this node's worker runs now
 * @param lastSubmissionMillis wall-clock submission time of the newest job, or a negative value if none
 * @param energyLow           the energy state asks for the least traffic
 */
public record GossipConditions(
        int clusterSize,
        int silentPeers,
        int activeJobs,
        int runningTasksHere,
        long lastSubmissionMillis,
        boolean energyLow) {
    public GossipConditions {
        Invariants.check(clusterSize >= 1, "cluster size %s < 1", clusterSize);
        Invariants.check(
                silentPeers >= 0 && activeJobs >= 0 && runningTasksHere >= 0, "negative counts in gossip conditions");
    }
}
