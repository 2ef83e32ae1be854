package org.bftswarm.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.runtime.ReplicaRuntime;
import org.bftswarm.consensus.runtime.ReplicaStatus;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.MineView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.view.NodeCounter;
import org.bftswarm.worker.agent.WorkerLoop;
import org.bftswarm.worker.agent.WorkerStage;

/**
 * The node's own meters on {@code /metrics}: consensus drops, log commits, executed requests and
 * state transfers (count, last snapshot size), scheduler operation outcomes and refusals by reason,
 * every node's disputed results and quarantine, invalid CRDT entries,
 * gossip members, tasks running here, the worker's stage timers ({@link WorkerStage}), every
 * node's CRDT counters as this node sees them, and mining: every node's and the cluster's hash rate,
 * units done and placed again, false claims refused, the chain's height.
 */
final class NodeMetrics {
    private NodeMetrics() {}

    static void bind(
            MeterRegistry r,
            int n,
            ReplicaRuntime replica,
            ClientNetwork clients,
            Scheduler scheduler,
            ClusterStateNode state,
            WorkerLoop worker,
            Supplier<GossipDecision> gossip) {
        gauge(
                r,
                "bftswarm.consensus.dropped.messages",
                "messages dropped by the replica transport",
                () -> replica.drops().total());
        gauge(
                r,
                "bftswarm.consensus.client.dropped.messages",
                "replies dropped by this node's clients",
                () -> clients.drops().total());
        gauge(r, "bftswarm.consensus.log.commits", "durable log commits", replica::commits);
        gauge(
                r,
                "bftswarm.consensus.state.transfers",
                "certified snapshots this replica fetched from the others and installed",
                replica::stateTransfers);
        gauge(
                r,
                "bftswarm.consensus.state.transfer.bytes",
                "size of the snapshot the last state transfer installed",
                replica::lastStateTransferBytes);
        gauge(
                r,
                "bftswarm.consensus.executed.requests",
                "requests executed by this replica",
                () -> status(replica, s -> s.executedRequests()));
        gauge(
                r,
                "bftswarm.consensus.in.view.change",
                "1 while a view change is in progress",
                () -> status(replica, s -> s.inViewChange() ? 1 : 0));
        for (String key : scheduler.counters().keySet()) {
            Gauge.builder(
                            "bftswarm.scheduler." + key,
                            scheduler,
                            s -> s.counters().getOrDefault(key, 0L))
                    .description("scheduler operations executed here, by outcome")
                    .register(r);
        }
        gauge(
                r,
                "bftswarm.state.invalid.entries",
                "CRDT entries that failed verification",
                () -> state.invalidEntries().total());
        gauge(
                r,
                "bftswarm.state.members",
                "Hazelcast members visible",
                () -> state.dissemination().map(d -> (long) d.memberCount()).orElse(0L));
        gauge(
                r,
                "bftswarm.gossip.interval.ms",
                "heartbeat interval this node uses and announces",
                () -> gossip.get().intervalMillis());
        gauge(
                r,
                "bftswarm.gossip.tick.ms",
                "period of this node's idle consensus ticks",
                () -> gossip.get().tickMillis());
        for (GossipMode mode : GossipMode.values()) {
            Gauge.builder("bftswarm.gossip.mode", gossip, g -> g.get().mode() == mode ? 1 : 0)
                    .tag("mode", mode.label())
                    .description("1 for the gossip mode this node is in")
                    .strongReference(true)
                    .register(r);
        }
        for (String cause : GossipDecision.CAUSES) {
            Gauge.builder("bftswarm.gossip.reason", gossip, g -> g.get().cause().equals(cause) ? 1 : 0)
                    .tag("reason", cause)
                    .description("1 for the kind of reason the gossip mode was chosen for")
                    .strongReference(true)
                    .register(r);
        }
        bindMining(r, n, scheduler, state);
        gauge(r, "bftswarm.node.running.tasks", "task attempts running on this node", () -> worker.runningCount());
        Map<WorkerStage, Timer> stages = new EnumMap<>(WorkerStage.class);
        for (WorkerStage stage : WorkerStage.values()) {
            stages.put(
                    stage,
                    Timer.builder("bftswarm.worker.stage")
                            .tag("stage", stage.metricTag())
                            .description("time task attempts of this node spent in each worker stage")
                            .publishPercentiles(0.5, 0.99)
                            .register(r));
        }
        worker.stageSink((stage, nanos) -> stages.get(stage).record(nanos, TimeUnit.NANOSECONDS));
        for (ReplyCode code : ReplyCode.values()) {
            Gauge.builder(
                            "bftswarm.scheduler.refused",
                            scheduler,
                            s -> s.rejections().getOrDefault(code, 0L))
                    .tag("code", code.name().toLowerCase(Locale.ROOT))
                    .description("operations the scheduler refused (changing nothing), by reason")
                    .register(r);
        }
        for (int node = 0; node < n; node++) {
            int id = node;
            Gauge.builder(
                            "bftswarm.node.disputed.results",
                            scheduler,
                            s -> nodeView(s, id).map(NodeView::disputedResults).orElse(0))
                    .tag("node", Integer.toString(id))
                    .description("reports of the node that differed from a result a quorum accepted")
                    .register(r);
            Gauge.builder(
                            "bftswarm.node.quarantined",
                            scheduler,
                            s -> nodeView(s, id)
                                    .map(v -> v.quarantined() ? 1 : 0)
                                    .orElse(0))
                    .tag("node", Integer.toString(id))
                    .description("1 while the node gets no new tasks for its disputed results")
                    .register(r);
            Gauge.builder(
                            "bftswarm.node.heartbeat.interval.ms",
                            state,
                            s -> s.view()
                                    .heartbeat(id)
                                    .map(h -> h.intervalMillis())
                                    .orElse(0))
                    .tag("node", Integer.toString(id))
                    .description("heartbeat interval the node announced in its last signed heartbeat (0: none)")
                    .register(r);
            Gauge.builder(
                            "bftswarm.mining.hash.rate",
                            state,
                            s -> MiningReport.rate(
                                    s.view().counter(id, NodeCounter.MINED_HASHES),
                                    s.view().counter(id, NodeCounter.MINING_MILLIS)))
                    .tag("node", Integer.toString(id))
                    .description("hashes per second of the node's hasher while it hashed (its CRDT counters)")
                    .register(r);
            for (NodeCounter c : NodeCounter.values()) {
                Gauge.builder("bftswarm.node.counter", state, s -> s.view().counter(id, c))
                        .tag("node", Integer.toString(id))
                        .tag("counter", c.entryName())
                        .description("per-node CRDT counters")
                        .register(r);
            }
        }
    }

    /** The cluster's mining meters: the nodes' hash rates summed, and the units and claims of the jobs kept. */
    private static void bindMining(MeterRegistry r, int n, Scheduler scheduler, ClusterStateNode state) {
        gauge(r, "bftswarm.mining.cluster.hash.rate", "sum of every node's hash rate while hashing", () -> {
            double sum = 0;
            for (int id = 0; id < n; id++) {
                sum += MiningReport.rate(
                        state.view().counter(id, NodeCounter.MINED_HASHES),
                        state.view().counter(id, NodeCounter.MINING_MILLIS));
            }
            return sum;
        });
        gauge(
                r,
                "bftswarm.mining.units.done",
                "work units of kept mine jobs ended without a solution",
                () -> mine(scheduler, MineView::unitsDone));
        gauge(
                r,
                "bftswarm.mining.units.reassigned",
                "work units placed again after their node went down",
                () -> mine(scheduler, MineView::reassigned));
        gauge(
                r,
                "bftswarm.mining.false.claims",
                "claimed solutions the state machine re-hashed and refused",
                () -> mine(scheduler, MineView::falseClaims));
        gauge(
                r,
                "bftswarm.mining.chain.height",
                "blocks of the mined chain",
                () -> scheduler.chain().size());
    }

    private static long mine(Scheduler scheduler, ToLongFunction<MineView> f) {
        return scheduler.jobs().stream()
                .map(JobView::mine)
                .filter(m -> m != null)
                .mapToLong(f)
                .sum();
    }

    private static Optional<NodeView> nodeView(Scheduler scheduler, int id) {
        return scheduler.nodes().stream().filter(v -> v.id() == id).findFirst();
    }

    private static long status(ReplicaRuntime replica, ToLongFunction<ReplicaStatus> f) {
        ReplicaStatus s = replica.status();
        return s == null ? 0 : f.applyAsLong(s);
    }

    private static void gauge(MeterRegistry r, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value, v -> v.get().doubleValue())
                .description(description)
                .strongReference(true)
                .register(r);
    }
}
