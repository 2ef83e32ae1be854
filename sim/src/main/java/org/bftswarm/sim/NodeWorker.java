package org.bftswarm.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * A node's worker with the fake executor: it polls its replica's
 * {@code assignmentsFor(node)}, "runs" each new attempt for a random virtual 20..620 ms, reports
 * TaskStarted then TaskFinished with the {@link FakeExecutor}'s result through its own client
 * (1000 + node, node key): the per-attempt result for a {@code none} job, the deterministic one for a
 * job the world knows to be deterministic ({@link ResultLedger#quorumJobs}), the slice's sum for a
 * WebAssembly shard (read from the spec its assignment carries). It kills runs that are no
 * longer its own (task terminal, or a later attempt exists and this run is not among the task's runs
 * in flight: a quorum task runs several attempts at once), registers at start,
 * rejoins with NodeAlive if it sees itself DOWN, and orders a Tick every ~0.4 s when idle. While
 * its replica is crashed the node agent is down too; its runs go on, like containers, and are
 * adopted when it comes back. Even-numbered nodes order the reports waiting together as one
 * {@link ReportBatch}, as the real worker does, so exactly-once is checked for both forms.
 */
class NodeWorker extends SimActor {
    private static final long POLL_MS = 20;

    /** One fake container: an attempt of a task. */
    static final class Run {
        final String taskId;
        final String jobId;
        final int attempt;
        /** The job's stored spec, as the assignment carries it. */
        final JobSpec spec;

        final long finishAt;
        boolean reported;
        boolean killed;

        Run(String taskId, String jobId, int attempt, JobSpec spec, long finishAt) {
            this.taskId = taskId;
            this.jobId = jobId;
            this.attempt = attempt;
            this.spec = spec;
            this.finishAt = finishAt;
        }
    }

    final int node;
    final ResultLedger ledger;
    final ArrayDeque<Operation> outbox = new ArrayDeque<>();
    final Map<String, Run> runs = new TreeMap<>();
    private final Supplier<Scheduler> view;
    private long nextPollAt;
    private long nextTickAt;
    private long nextAliveAt;

    NodeWorker(int node, int clientId, ResultLedger ledger, Supplier<Scheduler> view, String zone) {
        super(clientId);
        this.node = node;
        this.ledger = ledger;
        this.view = view;
        outbox.add(new RegisterNode(node, 2.0, 2048, Map.of("zone", zone)));
    }

    /** The scheduler this worker reads, or null while its node is down. */
    Scheduler view() {
        return view.get();
    }

    /** Whether to start this new assignment (a Byzantine worker may sit on some). */
    boolean willRun(SimContext ctx, Assignment a) {
        return true;
    }

    void step(SimContext ctx) {
        Scheduler s = view();
        if (s == null || ctx.now() < nextPollAt) {
            return;
        }
        nextPollAt = ctx.now() + POLL_MS;
        for (Assignment a : s.assignmentsFor(node)) {
            String key = a.taskId() + "#" + a.attempt();
            if (!runs.containsKey(key)) {
                Run run = new Run(
                        a.taskId(),
                        a.jobId(),
                        a.attempt(),
                        a.spec(),
                        ctx.now() + 20 + ctx.random().nextInt(600));
                runs.put(key, run);
                if (willRun(ctx, a)) {
                    outbox.add(new TaskStarted(a.taskId(), a.attempt(), node, "fake-" + key));
                } else {
                    run.killed = true;
                }
            }
        }
        for (Run run : runs.values()) {
            if (run.killed || run.reported) {
                continue;
            }
            TaskView t = s.task(run.taskId).orElse(null);
            if (t != null && noLongerOurs(t, run)) {
                run.killed = true; // no longer ours: the worker kills the container, nothing to report
            } else if (ctx.now() >= run.finishAt) {
                run.reported = true;
                outbox.add(result(ctx, run));
            }
        }
        for (NodeView n : s.nodes()) {
            if (n.id() == node && n.state() == NodeState.DOWN && ctx.now() >= nextAliveAt) {
                outbox.add(new NodeAlive(node));
                nextAliveAt = ctx.now() + 500;
            }
        }
    }

    /** The task ended, or moved on to a later attempt while this run is not one of its runs in flight. */
    private static boolean noLongerOurs(TaskView t, Run run) {
        if (t.state().isTerminal()) {
            return true;
        }
        boolean inFlight = t.runs().stream().anyMatch(r -> r.attempt() == run.attempt);
        return t.attempt() > run.attempt && !inFlight;
    }

    /** Whether the run's job is deterministic (submitted for quorum verification). */
    final boolean deterministic(Run run) {
        return ledger.quorumJobs.contains(run.jobId);
    }

    /** The report of a finished run: what the fake executor produced (a Byzantine worker may lie). */
    TaskFinished result(SimContext ctx, Run run) {
        if (FakeExecutor.isShard(run.spec)) {
            return FakeExecutor.shardReport(run.spec, run.taskId, run.attempt, node);
        }
        return deterministic(run)
                ? FakeExecutor.deterministicReport(run.taskId, run.attempt, node)
                : FakeExecutor.report(run.taskId, run.attempt, node);
    }

    @Override
    Operation next(SimContext ctx) {
        if (view() == null) {
            return null;
        }
        outstandingBogus = false;
        if (outbox.isEmpty() && ctx.now() >= nextTickAt) {
            nextTickAt = ctx.now() + 300 + ctx.random().nextInt(200);
            return new Tick();
        }
        if (node % 2 == 0 && outbox.size() > 1 && isReport(outbox.peek())) {
            return batchOfLeadingReports();
        }
        return outbox.poll();
    }

    private static boolean isReport(Operation op) {
        return op instanceof TaskStarted || op instanceof TaskFinished;
    }

    /** Even nodes, like the real worker, order the reports waiting at the head of the outbox together. */
    private Operation batchOfLeadingReports() {
        List<TaskStarted> started = new ArrayList<>();
        List<TaskFinished> finished = new ArrayList<>();
        while (!outbox.isEmpty()
                && isReport(outbox.peek())
                && started.size() + finished.size() < ReportBatch.MAX_REPORTS) {
            Operation op = outbox.poll();
            if (op instanceof TaskStarted t) {
                started.add(t);
            } else {
                finished.add((TaskFinished) op);
            }
        }
        return new ReportBatch(started, finished);
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        if (op instanceof RegisterNode && !reply.isOk()) {
            ledger.violation("node " + node + " could not register: " + reply);
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
        for (Run run : runs.values()) {
            if (!run.killed && !run.reported) {
                return false;
            }
        }
        for (Operation op : outbox) {
            if (op instanceof TaskFinished || op instanceof TaskStarted || op instanceof RegisterNode) {
                return false;
            }
        }
        return true;
    }

    @Override
    String progress() {
        return " node" + node + "[outbox=" + outbox.size() + " outstanding="
                + (outstanding == null ? "-" : outstanding.getClass().getSimpleName()) + "]";
    }
}
