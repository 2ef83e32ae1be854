package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bftswarm.api.ClusterView;

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
        List<ClusterView> views = new ArrayList<>();
        for (int id = 0; id < target.config().n(); id++) {
            OptionalLong pid = processes.livePid(id);
            ProcessProbe.NodeProcess state = processes.state(id);
            Optional<ClusterView> view = state == ProcessProbe.NodeProcess.RUNNING ? api.cluster(id) : Optional.empty();
            view.ifPresent(views::add);
            rows.add(new NodeRow(id, pid.isPresent() ? pid.getAsLong() : null, target.apiUrl(id), word(state),
                    view.map(ClusterView::lastExecuted).orElse(null), view.map(ClusterView::view).orElse(null)));
        }
        return ClusterStatus.of(target.config().swarm(), target.config().n(), target.config().f(), rows, views);
    }

    /** One look at node {@code id} while it starts. */
    public NodeProbe probe(int id) {
        boolean alive = processes.livePid(id).isPresent();
        boolean healthy = alive && api.healthy(id);
        long executed = healthy ? api.cluster(id).map(ClusterView::lastExecuted).orElse(NodeProbe.UNKNOWN) : NodeProbe.UNKNOWN;
        return new NodeProbe(id, alive, healthy, executed);
    }

    static String word(ProcessProbe.NodeProcess state) {
        return switch (state) {
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case NOT_RUNNING -> "down";
        };
    }
}
