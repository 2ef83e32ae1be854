package org.bftswarm.sim;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.agent.TaskExecutor;
import org.bftswarm.worker.agent.WorkerLoop;

/**
 * A node's agent: the real {@link WorkerLoop} (and so the real {@code WorkerPlan} and launch plan),
 * stepped every {@value #POLL_MS} virtual ms over the node's {@link SimTaskExecutor}, reading its
 * replica's {@code assignmentsFor(node)} and ordering its {@link ReportBatch}es through the node's own
 * client (1000 + node, node key); the reply completes the loop's future, as the node's consensus
 * client does. Around the loop it does what the rest of a node does: registers at start, rejoins with
 * NodeAlive when it sees itself DOWN, orders a Tick every ~0.4 s when idle, and (a correct node) votes
 * SuspectNode against a peer whose replica has been down {@value #SUSPECT_AFTER_MS} ms, as the
 * heartbeat monitor would (scaled down like the simulation's task timeouts: replicas stay down
 * 0.1..1.5 s). While its replica is crashed the agent is down too: its loop is gone, its
 * containers go on (and are adopted by the next loop) or, one crash in two, die with the machine.
 */
class NodeWorker extends SimActor {
    static final long POLL_MS = 20;
    static final long SUSPECT_AFTER_MS = 300;
    private static final long SUSPECT_EVERY_MS = 300;

    /** One batch the loop asked to order, and the future its reply completes. */
    private record PendingReport(Operation op, CompletableFuture<Reply> reply) {}

    final int node;
    final ResultLedger ledger;
    final ArrayDeque<Operation> outbox = new ArrayDeque<>();
    /** The node's containers; they outlive its agent. */
    final SimTaskExecutor containers;

    private final ArrayDeque<PendingReport> reports = new ArrayDeque<>();
    private PendingReport inFlight;
    private final Supplier<Scheduler> view;
    private final boolean suspectsPeers;
    private final long[] downSince;
    private final long[] nextSuspicionAt;
    private TaskExecutor executor;
    private WorkerLoop loop;
    private long nextPollAt;
    private long nextTickAt;
    private long nextAliveAt;
    /** Loops started (one per incarnation of the agent) and crashes that took the containers too. */
    long loopsStarted;

    long machinesLost;

    NodeWorker(
            int node, int clientId, ResultLedger ledger, Supplier<Scheduler> view, String zone, boolean suspectsPeers) {
        super(clientId);
        this.node = node;
        this.ledger = ledger;
        this.view = view;
        this.suspectsPeers = suspectsPeers;
        this.containers = new SimTaskExecutor(node, this::honestReport);
        this.downSince = new long[64];
        this.nextSuspicionAt = new long[64];
        Arrays.fill(downSince, -1);
        outbox.add(new RegisterNode(node, 2.0, 2048, Map.of("zone", zone)));
    }

    /** The scheduler this worker reads, or null while its node is down. */
    Scheduler view() {
        return view.get();
    }

    /** What the loop drives: the containers themselves (a Byzantine node wraps them). */
    TaskExecutor executorOver(SimTaskExecutor containers) {
        return containers;
    }

    /** The loop of the agent's current incarnation, or null while the node is down. */
    WorkerLoop loop() {
        return loop;
    }

    void step(SimContext ctx) {
        watchPeers(ctx);
        Scheduler s = view();
        if (s == null) {
            if (loop != null) {
                loop = null;
                reports.clear();
                if (ctx.random().nextBoolean()) {
                    containers.loseAll();
                    machinesLost++;
                }
            }
            return;
        }
        if (executor == null) {
            executor = executorOver(containers);
        }
        if (loop == null) {
            loop = new WorkerLoop("sim", node, this::assignments, ctx::now, executor, this::order, o -> {});
            loop.reconcile();
            loopsStarted++;
        }
        containers.advance(ctx.now(), ctx.random());
        if (ctx.now() >= nextPollAt) {
            nextPollAt = ctx.now() + POLL_MS;
            loop.step();
        }
        for (NodeView n : s.nodes()) {
            if (n.id() == node && n.state() == NodeState.DOWN && ctx.now() >= nextAliveAt) {
                outbox.add(new NodeAlive(node));
                nextAliveAt = ctx.now() + 500;
            }
        }
    }

    private List<Assignment> assignments(int nodeId) {
        Scheduler s = view();
        return s == null ? List.of() : s.assignmentsFor(nodeId);
    }

    private CompletableFuture<Reply> order(Operation op) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        reports.add(new PendingReport(op, reply));
        return reply;
    }

    /** A correct node suspects a peer whose replica has been down a while and is not yet DOWN. */
    private void watchPeers(SimContext ctx) {
        Scheduler s = view();
        if (!suspectsPeers || s == null) {
            return;
        }
        for (int i = 0; i < ctx.n(); i++) {
            if (i == node || ctx.stateMachine(i) != null) {
                downSince[i] = -1;
                continue;
            }
            if (downSince[i] < 0) {
                downSince[i] = ctx.now();
            }
            int peer = i;
            boolean alreadyDown = s.nodes().stream().anyMatch(n -> n.id() == peer && n.state() == NodeState.DOWN);
            if (!alreadyDown && ctx.now() - downSince[i] >= SUSPECT_AFTER_MS && ctx.now() >= nextSuspicionAt[i]) {
                outbox.add(new SuspectNode(node, i));
                nextSuspicionAt[i] = ctx.now() + SUSPECT_EVERY_MS;
            }
        }
    }

    /** Whether the job is deterministic (submitted for quorum verification). */
    final boolean deterministic(String taskId) {
        return ledger.quorumJobs.contains(taskId.substring(0, taskId.lastIndexOf('.')));
    }

    /**
     * The report an honest run of this launch yields: the sum of the slice the launch carries for a
     * WebAssembly shard, else the fake executor's result for the attempt (or for the task, when the
     * job is deterministic).
     */
    TaskFinished honestReport(TaskLaunch launch) {
        if (launch.wasm() != null) {
            long sum = 0;
            for (long v : launch.wasm().elements()) {
                sum += v;
            }
            String out = Long.toString(sum);
            return new TaskFinished(
                    launch.taskId(), launch.attempt(), node, 0, FakeExecutor.digest(out), out, "exited");
        }
        return deterministic(launch.taskId())
                ? FakeExecutor.deterministicReport(launch.taskId(), launch.attempt(), node)
                : FakeExecutor.report(launch.taskId(), launch.attempt(), node);
    }

    @Override
    Operation next(SimContext ctx) {
        if (view() == null) {
            return null;
        }
        outstandingBogus = false;
        if (!outbox.isEmpty()) {
            return outbox.poll();
        }
        if (!reports.isEmpty()) {
            inFlight = reports.poll();
            return inFlight.op();
        }
        if (ctx.now() >= nextTickAt) {
            nextTickAt = ctx.now() + 300 + ctx.random().nextInt(200);
            return new Tick();
        }
        return null;
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        if (op instanceof RegisterNode && !reply.isOk()) {
            ledger.violation("node " + node + " could not register: " + reply);
        }
        if (inFlight != null && outstanding == inFlight.op()) {
            PendingReport done = inFlight;
            inFlight = null;
            done.reply().complete(reply);
        }
    }

    @Override
    boolean settled(SimContext ctx) {
        if (outstanding instanceof TaskFinished
                || outstanding instanceof TaskStarted
                || outstanding instanceof ReportBatch
                || outstanding instanceof RegisterNode) {
            return false;
        }
        if (inFlight != null || !reports.isEmpty() || containers.liveCount() > 0) {
            return false;
        }
        if (loop != null && loop.trackedCount() > 0) {
            return false;
        }
        return outbox.stream().noneMatch(op -> op instanceof RegisterNode);
    }

    @Override
    String progress() {
        return " node" + node + "[outbox=" + outbox.size() + " reports=" + reports.size() + " containers="
                + containers.liveCount() + " tracked=" + (loop == null ? "-" : loop.trackedPhases())
                + " outstanding="
                + (outstanding == null ? "-" : outstanding.getClass().getSimpleName()) + "]";
    }
}
