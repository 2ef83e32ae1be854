package org.bftswarm.consensus.api;

import org.bftswarm.crypto.Digest;

/**
 * The application replicated by PBFT (Castro &amp; Liskov, OSDI '99, section 4: "the service");
 * shaped like BFT-SMaRt's executable recoverable state machine. Implementations must be
 * deterministic: the same operations in the same order with the same contexts give the same
 * replies and the same state on every replica.
 */
public interface ReplicatedStateMachine {
    /** Executes one ordered operation deterministically; returns the reply bytes. */
    byte[] execute(ExecutionContext ctx, byte[] operation);

    /** Canonical bytes of the whole state (deterministic: equal states give equal bytes). */
    byte[] snapshot();

    /** Replaces the state with a snapshot produced by snapshot(). Throws IllegalArgumentException on garbage. */
    void restore(byte[] snapshot);

    /** SHA-256 of snapshot() (implementations may cache). */
    Digest digest();
}
