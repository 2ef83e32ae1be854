package org.bftswarm.consensus.sim;

import java.util.EnumSet;
import java.util.List;

/**
 * Outcome of one simulated seed; {@code stateTransfers} counts every installed certified snapshot (a
 * restart's own copy too), {@code largestTransferBytes} is the largest one fetched from other replicas.
 */
public record SimResult(
        Scenario scenario,
        List<String> violations,
        String livenessFailure,
        EnumSet<Behaviour> exercised,
        long executedSeqs,
        long checkpoints,
        long viewChanges,
        long stateTransfers,
        long largestTransferBytes,
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
