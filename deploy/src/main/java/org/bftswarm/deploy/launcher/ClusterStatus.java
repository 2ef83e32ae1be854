package org.bftswarm.deploy.launcher;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.consensus.core.Quorums;

/**
 * What {@code status} reports: n, f, the view and primary the answering nodes agree on most, and
 * one {@link NodeRow} per node. A node's own answer is only as good as that node,
 * so the cluster-wide view is the one reported by the most nodes (ties: the higher view).
 */
public record ClusterStatus(String swarm, int n, int f, Long view, Integer primary, List<NodeRow> nodes) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }

    /** Combines the per-node answers ({@code views} holds only the nodes that answered). */
    public static ClusterStatus of(String swarm, int n, int f, List<NodeRow> rows, List<ClusterJson> views) {
        Map<Long, Integer> votes = new TreeMap<>();
        for (ClusterJson v : views) {
            votes.merge(v.view(), 1, Integer::sum);
        }
        Optional<Long> view = votes.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
        Integer primary = view.map(v -> Quorums.primaryOf(v, n)).orElse(null);
        return new ClusterStatus(swarm, n, f, view.orElse(null), primary, rows);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "swarm %s: n = %d, f = %d, view %s, primary %s%n",
                swarm,
                n,
                f,
                view == null ? "unknown" : view.toString(),
                primary == null ? "unknown" : "node " + primary));
        out.append(NodeTable.render(nodes));
        return out.toString();
    }
}
