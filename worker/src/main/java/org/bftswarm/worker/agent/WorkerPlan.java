package org.bftswarm.worker.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.worker.AttemptKey;

/**
 * The worker's reconciliation rule, pure: given what
 * the local replica assigns to this node and what this node runs, decide what to launch, what to
 * kill, which reports to (re)send and which finished attempts to forget. An attempt is launched at
 * most once per node (a finished one waits for its report to be ordered, never relaunches); a new
 * attempt of a task waits until every older local attempt of it is gone; a local attempt that is no
 * longer assigned here is killed. An attempt that finished before its start was ordered has both
 * reported (the start goes first, in the same batch), so every run shows as RUNNING before its end.
 */
public final class WorkerPlan {
    private WorkerPlan() {}

    /** Where a local attempt is. */
    public enum Phase {
        LAUNCHED,
        STARTED,
        FINISHED
    }

    /** What to do now. */
    public record Decision(
            List<Assignment> launch,
            SortedSet<AttemptKey> kill,
            SortedSet<AttemptKey> forget,
            SortedSet<AttemptKey> reportStarted,
            SortedSet<AttemptKey> reportFinished) {}

    public static Decision decide(
            List<Assignment> assigned, Map<AttemptKey, Phase> local, SortedSet<AttemptKey> killRequested) {
        SortedMap<AttemptKey, Assignment> byKey = new TreeMap<>();
        for (Assignment a : assigned) {
            byKey.put(new AttemptKey(a.taskId(), a.attempt()), a);
        }
        SortedSet<String> busyTasks = new TreeSet<>();
        SortedSet<AttemptKey> kill = new TreeSet<>();
        SortedSet<AttemptKey> forget = new TreeSet<>();
        SortedSet<AttemptKey> reportStarted = new TreeSet<>();
        SortedSet<AttemptKey> reportFinished = new TreeSet<>();
        for (Map.Entry<AttemptKey, Phase> e : new TreeMap<>(local).entrySet()) {
            AttemptKey key = e.getKey();
            Phase phase = e.getValue();
            Assignment a = byKey.get(key);
            if (phase != Phase.FINISHED) {
                busyTasks.add(key.taskId());
            }
            if (a == null) {
                if (phase == Phase.FINISHED) {
                    forget.add(key);
                } else if (!killRequested.contains(key)) {
                    kill.add(key);
                }
            } else if (phase == Phase.FINISHED) {
                reportFinished.add(key);
                if (a.state() == TaskState.ASSIGNED) {
                    reportStarted.add(key);
                }
            } else if (phase == Phase.STARTED && a.state() == TaskState.ASSIGNED) {
                reportStarted.add(key);
            }
        }
        List<Assignment> launch = new ArrayList<>();
        for (Map.Entry<AttemptKey, Assignment> e : byKey.entrySet()) {
            if (!local.containsKey(e.getKey()) && !busyTasks.contains(e.getKey().taskId())) {
                launch.add(e.getValue());
            }
        }
        return new Decision(List.copyOf(launch), kill, forget, reportStarted, reportFinished);
    }
}
