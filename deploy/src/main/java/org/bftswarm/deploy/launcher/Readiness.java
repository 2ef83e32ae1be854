package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The launcher's rule for "the cluster is up", that is, the cluster has ordered
 * its first operation: every node answers {@code /healthz} with 200, and a PBFT quorum of nodes
 * reports a last executed sequence number of at least 1 — an operation was committed by a quorum
 * (Castro &amp; Liskov §4.2), so consensus works end to end. When some nodes were already running,
 * the (re)started ones must also have caught up with the sequence number those had reached (by log
 * replay, retransmission or state transfer, §4.3), so that reads from any node are current.
 * Pure: it judges probes, it does not make them.
 */
public record Readiness(List<NodeProbe> probes, int quorum, long catchUpTo) {

    public Readiness {
        probes = List.copyOf(probes);
    }

    /** Readiness of a cluster started from nothing (no node ran before, so there is nothing to catch up with). */
    public Readiness(List<NodeProbe> probes, int quorum) {
        this(probes, quorum, 0);
    }

    public long healthyCount() {
        return probes.stream().filter(NodeProbe::healthy).count();
    }

    public long orderedCount() {
        return probes.stream().filter(p -> p.lastExecuted() >= 1).count();
    }

    /** Nodes that have executed at least up to {@link #catchUpTo}. */
    public long caughtUpCount() {
        return probes.stream().filter(p -> p.lastExecuted() >= catchUpTo).count();
    }

    public boolean ready() {
        return healthyCount() == probes.size() && orderedCount() >= quorum && caughtUpCount() == probes.size();
    }

    /** The first node whose process has exited: starting cannot succeed, report at once. */
    public Optional<NodeProbe> deadNode() {
        return probes.stream().filter(p -> !p.processAlive()).findFirst();
    }

    /** The node to blame when the deadline passes: dead, else unhealthy, else not yet ordering. */
    public Optional<NodeProbe> laggard() {
        return deadNode()
                .or(() -> probes.stream().filter(p -> !p.healthy()).findFirst())
                .or(() -> probes.stream()
                        .filter(p -> p.lastExecuted() < Math.max(1, catchUpTo))
                        .findFirst());
    }

    /** One progress line, e.g. {@code healthy 3/4, ordered 0/4 (need 3)}. */
    public String summary() {
        String ordered = String.format(
                Locale.ROOT,
                "healthy %d/%d, ordered first operation %d/%d (need %d)",
                healthyCount(),
                probes.size(),
                orderedCount(),
                probes.size(),
                quorum);
        return catchUpTo <= 0
                ? ordered
                : ordered
                        + String.format(
                                Locale.ROOT,
                                ", caught up to sequence %d %d/%d",
                                catchUpTo,
                                caughtUpCount(),
                                probes.size());
    }
}
