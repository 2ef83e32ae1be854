package org.bftswarm.worker;

import java.util.List;

/** What one reconciliation did, action by action in container-id order. */
public record ReconcileReport(List<ReconcileAction> actions) {
    public ReconcileReport {
        actions = List.copyOf(actions);
    }

    /** Containers of the given kind. */
    public List<ReconcileAction> of(ReconcileAction.Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).toList();
    }

    /** Attempts now followed by the runner. */
    public List<AttemptKey> adopted() {
        return of(ReconcileAction.Kind.ADOPT).stream()
                .map(ReconcileAction::attempt)
                .toList();
    }

    /** Ids of containers killed because they are no longer assigned here. */
    public List<String> killed() {
        return of(ReconcileAction.Kind.KILL).stream()
                .map(ReconcileAction::containerId)
                .toList();
    }
}
