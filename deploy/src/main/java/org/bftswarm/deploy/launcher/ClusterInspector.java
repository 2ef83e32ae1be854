package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.NodeJson;

/**
 * Looks at a cluster from outside: each node's process (pid file + /proc) and, for the live ones,
 * its {@code /api/v1/cluster} answer. Used by {@code up} (table after start) and {@code status}.
 */
public final class ClusterInspector {
    private final ClusterTarget target;
    private final ProcessProbe processes;
    private final ApiClient api;

    public ClusterInspector(ClusterTarget target) {
        this.target = target;
        this.processes = new ProcessProbe(target.layout());
        this.api = new ApiClient(target.apiUrls(), null);
    }

    public ClusterStatus inspect() {
        List<NodeRow> rows = new ArrayList<>();
        List<ClusterJson> views = new ArrayList<>();
        Map<Integer, NodeJson> soft = new TreeMap<>();
        for (int id = 0; id < target.config().n() && soft.isEmpty(); id++) {
            if (processes.state(id) == ProcessProbe.NodeProcess.RUNNING) {
                api.nodes(id).ifPresent(list -> list.forEach(v -> soft.put(v.id(), v)));
            }
        }
        for (int id = 0; id < target.config().n(); id++) {
            OptionalLong pid = processes.livePid(id);
            ProcessProbe.NodeProcess state = processes.state(id);
            Optional<ClusterJson> view = state == ProcessProbe.NodeProcess.RUNNING ? api.cluster(id) : Optional.empty();
            view.ifPresent(views::add);
            NodeRow.Soft seen = softOf(soft.get(id));
            if (seen != null && state == ProcessProbe.NodeProcess.RUNNING) {
                seen = seen.withGossip(ownGossip(id).orElse(null));
            }
            rows.add(new NodeRow(
                    id,
                    pid.isPresent() ? pid.getAsLong() : null,
                    target.apiUrl(id),
                    word(state),
                    view.map(ClusterJson::lastExecuted).orElse(null),
                    view.map(ClusterJson::view).orElse(null),
                    seen));
        }
        return ClusterStatus.of(
                target.config().swarm(), target.config().n(), target.config().f(), rows, views);
    }

    /** Node {@code id}'s gossip mode, interval and reason, as it reports itself on its own API. */
    private Optional<NodeJson.Gossip> ownGossip(int id) {
        return api.nodes(id)
                .flatMap(list -> list.stream()
                        .filter(v ->
                                v.id() == id && v.gossip() != null && v.gossip().mode() != null)
                        .map(NodeJson::gossip)
                        .findFirst());
    }

    /** One look at node {@code id} while it starts. */
    public NodeProbe probe(int id) {
        boolean alive = processes.livePid(id).isPresent();
        boolean healthy = alive && api.healthy(id);
        long executed =
                healthy ? api.cluster(id).map(ClusterJson::lastExecuted).orElse(NodeProbe.UNKNOWN) : NodeProbe.UNKNOWN;
        return new NodeProbe(id, alive, healthy, executed);
    }

    /** The CRDT and scheduler columns of one node, as {@code /api/v1/nodes} names them. */
    static NodeRow.Soft softOf(NodeJson v) {
        if (v == null) {
            return null;
        }
        return new NodeRow.Soft(
                v.quarantined() ? "QUARANTINED" : v.state(),
                v.counters().get("heartbeat_seq"),
                v.counters().get("running_tasks"),
                v.counters().get("tasks_succeeded"),
                v.counters().get("tasks_failed"),
                v.invalidEntries(),
                v.disputedResults(),
                null,
                v.counters().get("mined_hashes"),
                v.counters().get("mining_millis"));
    }

    static String word(ProcessProbe.NodeProcess state) {
        return switch (state) {
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case NOT_RUNNING -> "down";
        };
    }
}
