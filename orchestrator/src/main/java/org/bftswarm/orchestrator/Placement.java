package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * Deterministic placement: a run may go only to an UP, unquarantined node whose labels satisfy
 * its constraints and whose free CPU and memory cover its demand; among those, spread wins —
 * fewest active tasks, then most free CPU, then most free memory, then the lowest node id. Pending
 * tasks are tried in queue order (oldest job first); one that fits nowhere stays PENDING without
 * blocking smaller tasks behind it.
 */
final class Placement {

    /** Preference among fitting nodes: the first is chosen. */
    static final Comparator<NodeRecord> SPREAD = Comparator.comparingInt((NodeRecord n) -> n.activeTasks.size())
            .thenComparing(Comparator.comparingLong(NodeRecord::freeMilliCpus).reversed())
            .thenComparing(Comparator.comparingLong(NodeRecord::freeMemoryMb).reversed())
            .thenComparingInt(n -> n.id);

    private Placement() {}

    /** The node a task with this spec should go to now, if any fits. */
    static Optional<NodeRecord> choose(JobSpec spec, Collection<NodeRecord> nodes) {
        return choose(spec, nodes, n -> true);
    }

    /** The node a task with this spec should go to now among those {@code eligible} allows, if any fits. */
    static Optional<NodeRecord> choose(JobSpec spec, Collection<NodeRecord> nodes, Predicate<NodeRecord> eligible) {
        long cpus = spec.milliCpus();
        long memory = spec.memoryDemandMb();
        Map<String, String> constraints = spec.constraints() == null ? Map.of() : spec.constraints();
        return nodes.stream()
                .filter(NodeRecord::acceptsWork)
                .filter(eligible)
                .filter(n -> n.freeMilliCpus() >= cpus && n.freeMemoryMb() >= memory)
                .filter(n -> n.satisfies(constraints))
                .min(SPREAD);
    }

    /** Some UP node still has at least the smallest possible demand free (a cheap early exit). */
    private static boolean anyRoomLeft(SchedulerState state) {
        for (NodeRecord n : state.nodes.values()) {
            if (n.acceptsWork() && n.freeMilliCpus() >= 1 && n.freeMemoryMb() >= 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Places every run the queued tasks want that fits somewhere, in queue order; a task verified by a
     * quorum gets its runs on distinct nodes.
     */
    static void placePending(SchedulerState state, TaskLifecycle lifecycle) {
        if (state.pendingQueue.isEmpty() || !anyRoomLeft(state)) {
            return;
        }
        List<TaskRecord> queue = new ArrayList<>(state.pendingQueue);
        for (TaskRecord task : queue) {
            JobSpec spec = state.jobs.get(task.jobId).spec;
            while (lifecycle.wantedRuns(task) > 0) {
                Optional<NodeRecord> node = choose(spec, state.nodes.values(), n -> lifecycle.mayRunOn(task, n));
                if (node.isEmpty()) {
                    break;
                }
                lifecycle.assign(task, node.get());
                if (!anyRoomLeft(state)) {
                    return;
                }
            }
        }
    }
}
