package org.bftswarm.sim;

import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ForwardingStateMachine;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.AttemptView;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Never two live attempts of one task on one node, checked after every operation a correct replica
 * executes: when the attempt a node runs of a task changes from k to another, attempt k must have
 * ended first (reported, lost, evicted, superseded or cancelled: it is in the task's history). An
 * attempt replaced while still live is a second live attempt placed on the node; the violation names
 * the task, the node and both attempts. A restored snapshot starts the comparison afresh.
 */
final class LiveAttemptsChecker extends ForwardingStateMachine {
    /** Attempts a task keeps in its history (older ones are forgotten, so cannot be judged). */
    private static final int HISTORY = 16;

    private final Scheduler scheduler;
    private final int replica;
    private final ResultLedger ledger;
    private Map<String, Integer> live = new TreeMap<>();

    LiveAttemptsChecker(ReplicatedStateMachine delegate, Scheduler scheduler, int replica, ResultLedger ledger) {
        super(delegate);
        this.scheduler = scheduler;
        this.replica = replica;
        this.ledger = ledger;
    }

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        byte[] reply = super.execute(ctx, operation);
        Map<String, Integer> now = runs();
        now.forEach((key, attempt) -> {
            Integer before = live.get(key);
            if (before != null && !before.equals(attempt)) {
                String taskId = key.substring(0, key.lastIndexOf('@'));
                int node = Integer.parseInt(key.substring(key.lastIndexOf('@') + 1));
                TaskView t = scheduler.task(taskId).orElse(null);
                if (t != null && t.history().size() < HISTORY && !ended(t, before, node)) {
                    ledger.violation("two live attempts of one task on one node: replica " + replica + " placed "
                            + taskId + " attempt " + attempt + " on node " + node + " while its attempt "
                            + before + " there never ended");
                }
            }
        });
        live = now;
        return reply;
    }

    @Override
    public void restore(byte[] snapshot) {
        super.restore(snapshot);
        live = runs();
    }

    private Map<String, Integer> runs() {
        Map<String, Integer> out = new TreeMap<>();
        for (int node = 0; node < scheduler.config().clusterSize(); node++) {
            for (Assignment a : scheduler.assignmentsFor(node)) {
                out.put(a.taskId() + "@" + node, a.attempt());
            }
        }
        return out;
    }

    private static boolean ended(TaskView t, int attempt, int node) {
        for (AttemptView h : t.history()) {
            if (h.attempt() == attempt && h.node() == node) {
                return true;
            }
        }
        return false;
    }
}
