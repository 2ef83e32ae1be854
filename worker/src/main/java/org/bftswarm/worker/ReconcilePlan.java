package org.bftswarm.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides what to do with the containers that carry this node's labels when the worker starts
 * (adopt containers with our labels that are still assigned here, kill the
 * rest). Pure: containers in, actions out, in container-id order. A container that was created but
 * never started, or that already exited, is removed rather than adopted: its attempt is reported
 * by the scheduler's normal path (relaunch or reassignment), never by guessing an exit code. Of two
 * live containers for one attempt, only the first is adopted.
 */
public final class ReconcilePlan {
    private ReconcilePlan() {}

    /**
     * @param observed      containers labelled with our swarm and node
     * @param stillAssigned whether the local replica's state still assigns an attempt to this node
     * @param active        attempts this worker already supervises
     */
    public static List<ReconcileAction> decide(
            List<ObservedContainer> observed, Predicate<AttemptKey> stillAssigned, Set<AttemptKey> active) {
        List<ObservedContainer> sorted = new ArrayList<>(observed);
        sorted.sort(Comparator.comparing(ObservedContainer::id));
        List<ReconcileAction> actions = new ArrayList<>();
        Set<AttemptKey> adopted = new TreeSet<>();
        for (ObservedContainer c : sorted) {
            Optional<AttemptKey> attempt = ContainerLabels.attemptOf(c.labels());
            long timeout = ContainerLabels.timeoutOf(c.labels());
            AttemptKey key = attempt.orElse(null);
            ReconcileAction.Kind kind;
            if (!c.alive()) {
                kind = ReconcileAction.Kind.REMOVE;
            } else if (key == null) {
                kind = ReconcileAction.Kind.KILL;
            } else if (active.contains(key)) {
                kind = ReconcileAction.Kind.IGNORE;
            } else if (!adopted.contains(key) && stillAssigned.test(key)) {
                kind = ReconcileAction.Kind.ADOPT;
                adopted.add(key);
            } else {
                kind = ReconcileAction.Kind.KILL;
            }
            actions.add(new ReconcileAction(kind, c.id(), key, timeout));
        }
        return actions;
    }
}
