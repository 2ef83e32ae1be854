package org.bftswarm.consensus.sim;

import java.util.EnumSet;
import java.util.List;

/** Outcome of one simulated seed. */
public record SimResult(
        Scenario scenario,
        List<String> violations,
        String livenessFailure,
        EnumSet<Behaviour> exercised,
        long executedSeqs,
        long checkpoints,
        long viewChanges,
        long stateTransfers,
        long rejectedMessages,
        long droppedByProtocol,
        long virtualMillis) {
    public boolean safe() {
        return violations.isEmpty();
    }

    public boolean live() {
        return livenessFailure == null;
    }
}
