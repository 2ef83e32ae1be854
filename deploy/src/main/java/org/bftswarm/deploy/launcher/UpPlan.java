package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.bftswarm.node.config.ResolvedNode;

/**
 * What {@code up} would do, as {@code up --dry-run} prints it without touching anything: the cluster
 * (swarm, n, f, quorum), its configuration and data directory, and per node the host, its four
 * ports, its own directory and log file, whether it is already running (then {@code up} leaves it
 * alone) and any Byzantine behaviour it would start with.
 */
public record UpPlan(
        String swarm,
        int n,
        int f,
        int quorum,
        String config,
        String dataDir,
        String keysDir,
        String tokenFile,
        List<PlannedNode> nodes) {

    /** One node of the plan. */
    public record PlannedNode(
            int id,
            String host,
            int httpPort,
            int wsPort,
            int consensusPort,
            int statePort,
            String dataDir,
            String logFile,
            String action,
            List<String> byzantine) {}

    public UpPlan {
        nodes = List.copyOf(nodes);
    }

    /** The plan for {@code target}; {@code running.test(id)} says whether node id already runs. */
    public static UpPlan of(ClusterTarget target, IntPredicate running, ByzantineAssignments liars) {
        ClusterLayout layout = target.layout();
        List<PlannedNode> nodes = new ArrayList<>();
        for (ResolvedNode node : target.nodes()) {
            nodes.add(new PlannedNode(
                    node.id(),
                    node.host(),
                    node.httpPort(),
                    node.wsPort(),
                    node.consensusPort(),
                    node.statePort(),
                    layout.nodeDir(node.id()).toString(),
                    layout.logFile(node.id()).toString(),
                    running.test(node.id()) ? "already running" : "start",
                    liars.cliNames(node.id())));
        }
        return new UpPlan(
                target.config().swarm(),
                target.config().n(),
                target.config().f(),
                target.config().quorum(),
                target.configFile().toString(),
                layout.dataDir().toString(),
                layout.keysDir().toString(),
                layout.tokenFile().toString(),
                nodes);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "dry run: nothing is started or written%nswarm %s: n = %d, f = %d, quorum %d%n"
                        + "config   %s%ndata     %s (keys %s, token %s)%n%n",
                swarm,
                n,
                f,
                quorum,
                config,
                dataDir,
                keysDir,
                tokenFile));
        String format = "%-4s  %-15s  %5s  %5s  %9s  %5s  %-15s  %s%n";
        out.append(String.format(
                Locale.ROOT, format, "node", "host", "http", "ws", "consensus", "state", "action", "data dir / log"));
        for (PlannedNode node : nodes) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    node.id(),
                    node.host(),
                    node.httpPort(),
                    node.wsPort(),
                    node.consensusPort(),
                    node.statePort(),
                    node.action() + (node.byzantine().isEmpty() ? "" : " (lies)"),
                    node.dataDir()));
            out.append(String.format(Locale.ROOT, "%-70s  %s%n", "", node.logFile()));
            if (!node.byzantine().isEmpty()) {
                out.append(
                        String.format(Locale.ROOT, "%-70s  byzantine: %s%n", "", String.join(", ", node.byzantine())));
            }
        }
        return out.toString();
    }
}
