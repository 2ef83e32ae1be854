package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskView;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * The worker of a Byzantine node: it holds only its own key, reads the
 * freshest state it can find, runs the real worker loop over a lying runtime that runs most of its
 * own tasks honestly but sits on about one in five (the scheduler must time those out), and every ~150 ms lies: it
 * reports wrong outputs for other
 * nodes' runs (in their name and in its own; authorisation must reject both), reports stale
 * attempts (never one of its own runs in flight, which would be a legitimate report), and suspects
 * every other node via SuspectNode (alone it must evict no one).
 *
 * <p>For three in four of its own runs of a deterministic (quorum) task it reports a forged vote:
 * exit 0 with invented output (forge) or the true exit code with altered output (tamper), each with a
 * digest that matches the output it claims. The scheduler must accept such a report as a vote (the run
 * is the node's own) and the quorum of correct nodes must outvote it.
 *
 * <p>For three in four of its own runs of a WebAssembly shard, of either verification mode, it reports
 * a forged sum: the true one off by 1..9. Under {@code quorum} the correct nodes outvote it; under
 * {@code none} its report is the shard's result, and the job's reduced result carries it.
 */
final class ByzantineWorker extends NodeWorker {
    private long nextLieAt;
    private SimContext ctx;
    long lies;
    long forgedVotesSent;

    ByzantineWorker(int node, int clientId, ResultLedger ledger, Supplier<Scheduler> view, String zone) {
        super(node, clientId, ledger, view, zone, false);
    }

    @Override
    void step(SimContext ctx) {
        this.ctx = ctx;
        super.step(ctx);
    }

    @Override
    TaskExecutor executorOver(SimTaskExecutor containers) {
        return new LyingExecutor(containers);
    }

    /**
     * The Byzantine node's runtime: it sits on one launch in five (never starts it, ends it only when
     * the loop kills it) and rewrites the exit of the others as {@link #result} decides.
     */
    private final class LyingExecutor implements TaskExecutor {
        private final SimTaskExecutor inner;
        private final Map<AttemptKey, TaskObserver> satOn = new TreeMap<>();

        LyingExecutor(SimTaskExecutor inner) {
            this.inner = inner;
        }

        @Override
        public boolean launch(TaskLaunch launch, TaskObserver observer) {
            if (satOn.containsKey(launch.key())) {
                return false;
            }
            if (ctx.random().nextInt(5) == 0) {
                satOn.put(launch.key(), observer);
                return true;
            }
            return inner.launch(launch, new TaskObserver() {
                @Override
                public void onStarted(String containerId) {
                    observer.onStarted(containerId);
                }

                @Override
                public void onFinished(TaskOutcome outcome) {
                    if (outcome.reason() != FailureReason.NONE) {
                        observer.onFinished(outcome);
                        return;
                    }
                    TaskFinished told = result(launch, honestReport(launch));
                    observer.onFinished(SimTaskExecutor.outcome(launch.key(), told));
                }
            });
        }

        @Override
        public int kill(String taskId) {
            int killed = inner.kill(taskId);
            for (AttemptKey key : new ArrayList<>(satOn.keySet())) {
                if (key.taskId().equals(taskId)) {
                    satOn.remove(key).onFinished(TaskOutcome.failedWithoutExit(key, FailureReason.KILLED, "killed"));
                    killed++;
                }
            }
            return killed;
        }

        @Override
        public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
            inner.reconcile(stillAssigned, observers);
        }

        @Override
        public Optional<byte[]> logs(String taskId) {
            return Optional.empty();
        }

        @Override
        public void close() {}
    }

    /** The report of a finished run: the honest one, or a forged vote for most deterministic runs. */
    private TaskFinished result(TaskLaunch run, TaskFinished honest) {
        if (run.wasm() != null) {
            return ctx.random().nextInt(4) == 0 ? honest : forgedShard(run, honest);
        }
        if (!deterministic(run.taskId()) || ctx.random().nextInt(4) == 0) {
            return honest;
        }
        boolean forge = ctx.random().nextBoolean();
        int exit = forge ? 0 : honest.exitCode();
        String out = forge
                ? "forged by node " + node + ": " + run.taskId() + " looks fine\n"
                : honest.output() + "tampered by node " + node + "\n";
        ledger.forgedVote(run.taskId(), run.attempt());
        forgedVotesSent++;
        return new TaskFinished(run.taskId(), run.attempt(), node, exit, FakeExecutor.digest(out), out, "exited");
    }

    /** A plausible wrong shard result: the true sum off by 1..9 either way, exit 0, its digest matching. */
    private TaskFinished forgedShard(TaskLaunch run, TaskFinished honest) {
        long off = (1 + ctx.random().nextInt(9)) * (ctx.random().nextBoolean() ? 1L : -1L);
        String out = Long.toString(Long.parseLong(honest.output()) + off);
        ledger.forgedVote(run.taskId(), run.attempt());
        forgedVotesSent++;
        return new TaskFinished(run.taskId(), run.attempt(), node, 0, FakeExecutor.digest(out), out, "exited");
    }

    @Override
    Operation next(SimContext ctx) {
        Scheduler s = view();
        if (s != null && ctx.now() >= nextLieAt) {
            nextLieAt = ctx.now() + 100 + ctx.random().nextInt(100);
            Operation lie = lie(ctx, s);
            if (lie != null && ctx.random().nextBoolean()) {
                lie = lie instanceof TaskStarted ts
                        ? new ReportBatch(List.of(ts), List.of())
                        : lie instanceof TaskFinished tf ? new ReportBatch(List.of(), List.of(tf)) : lie;
            }
            if (lie != null) {
                lies++;
                outstandingBogus = true;
                return lie;
            }
        }
        Operation honest = super.next(ctx);
        outstandingBogus = false;
        return honest;
    }

    private Operation lie(SimContext ctx, Scheduler s) {
        List<Assignment> others = new ArrayList<>();
        List<TaskView> retried = new ArrayList<>();
        for (JobView job : s.jobs()) {
            for (TaskView t : job.tasks()) {
                if (t.state().isActive()) {
                    t.runs().stream().filter(r -> r.node() != node).forEach(others::add);
                }
                if (t.attempt() > 1) {
                    retried.add(t);
                }
            }
        }
        int kind = ctx.random().nextInt(4);
        if (kind == 0 && !others.isEmpty()) {
            Assignment r = others.get(ctx.random().nextInt(others.size()));
            return forged(r.taskId(), r.attempt(), r.node());
        } else if (kind == 1 && !others.isEmpty()) {
            Assignment r = others.get(ctx.random().nextInt(others.size()));
            return forged(r.taskId(), r.attempt(), node);
        } else if (kind == 2 && !retried.isEmpty()) {
            TaskView t = retried.get(ctx.random().nextInt(retried.size()));
            int stale = 1 + ctx.random().nextInt(t.attempt() - 1);
            if (t.runs().stream().anyMatch(r -> r.attempt() == stale)) {
                return null; // a run still in flight: reporting it is no lie
            }
            return ctx.random().nextBoolean()
                    ? forged(t.id(), stale, node)
                    : new TaskStarted(t.id(), stale, node, "stale");
        } else if (kind == 3) {
            int suspect = ctx.random().nextInt(ctx.n());
            return suspect == node ? null : new SuspectNode(node, suspect);
        }
        return null;
    }

    private static TaskFinished forged(String taskId, int attempt, int asNode) {
        String out = "forged result\n";
        return new TaskFinished(taskId, attempt, asNode, 0, FakeExecutor.digest(out), out, "exited");
    }
}
