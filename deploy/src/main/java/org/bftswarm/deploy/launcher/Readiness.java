package org.bftswarm.deploy.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The launcher's rule for "the cluster is up" (issue 4, item 3: wait until the cluster has ordered
 * its first operation): every node answers {@code /healthz} with 200, and a PBFT quorum of nodes
 * reports a last executed sequence number of at least 1 — an operation was committed by a quorum
 * (Castro &amp; Liskov §4.2), so consensus works end to end. Pure: it judges probes, it does not make them.
 */
public record Readiness(List<NodeProbe> probes, int quorum) {

    public Readiness {
        probes = List.copyOf(probes);
    }

    public long healthyCount() {
        return probes.stream().filter(NodeProbe::healthy).count();
    }

    public long orderedCount() {
        return probes.stream().filter(p -> p.lastExecuted() >= 1).count();
    }

    public boolean ready() {
        return healthyCount() == probes.size() && orderedCount() >= quorum;
    }

    /** The first node whose process has exited: starting cannot succeed, report at once. */
    public Optional<NodeProbe> deadNode() {
        return probes.stream().filter(p -> !p.processAlive()).findFirst();
    }

    /** The node to blame when the deadline passes: dead, else unhealthy, else not yet ordering. */
    public Optional<NodeProbe> laggard() {
        return deadNode().or(() -> probes.stream().filter(p -> !p.healthy()).findFirst())
                .or(() -> probes.stream().filter(p -> p.lastExecuted() < 1).findFirst());
    }

    /** One progress line, e.g. {@code healthy 3/4, ordered 0/4 (need 3)}. */
    public String summary() {
        return String.format(Locale.ROOT, "healthy %d/%d, ordered first operation %d/%d (need %d)",
                healthyCount(), probes.size(), orderedCount(), probes.size(), quorum);
    }
}
