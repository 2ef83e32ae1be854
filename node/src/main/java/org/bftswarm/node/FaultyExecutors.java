package org.bftswarm.node;

import java.util.Set;
import org.bftswarm.worker.agent.FakeResultsExecutor;
import org.bftswarm.worker.agent.FalseSolutionsExecutor;
import org.bftswarm.worker.agent.SilentExecutor;
import org.bftswarm.worker.agent.TamperingExecutor;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * Wraps a node's task executor in the Byzantine decorators its {@link NodeFault}s ask for, innermost
 * first: {@link TamperingExecutor} ({@code tamper-output}), {@link FakeResultsExecutor}
 * ({@code fake-results}, which then never reaches the tamperer), {@link FalseSolutionsExecutor}
 * ({@code false-solutions}, mine units only), {@link SilentExecutor}
 * ({@code silent-worker}, which swallows whatever the others would report). Without task-side
 * faults the factory is returned unchanged.
 */
final class FaultyExecutors {
    private FaultyExecutors() {}

    static TaskExecutor.Factory wrap(TaskExecutor.Factory real, Set<NodeFault> faults) {
        if (!faults.contains(NodeFault.TAMPER_OUTPUT)
                && !faults.contains(NodeFault.FAKE_RESULTS)
                && !faults.contains(NodeFault.SILENT_WORKER)
                && !faults.contains(NodeFault.FALSE_SOLUTIONS)) {
            return real;
        }
        return (swarm, nodeId, nodeDir) -> {
            TaskExecutor executor = real.open(swarm, nodeId, nodeDir);
            if (faults.contains(NodeFault.TAMPER_OUTPUT)) {
                executor = new TamperingExecutor(executor, nodeId);
            }
            if (faults.contains(NodeFault.FAKE_RESULTS)) {
                executor = new FakeResultsExecutor(executor, nodeId);
            }
            if (faults.contains(NodeFault.FALSE_SOLUTIONS)) {
                executor = new FalseSolutionsExecutor(executor, nodeId);
            }
            if (faults.contains(NodeFault.SILENT_WORKER)) {
                executor = new SilentExecutor(executor, nodeId);
            }
            return executor;
        };
    }
}
