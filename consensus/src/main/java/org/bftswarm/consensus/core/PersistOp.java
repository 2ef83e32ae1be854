package org.bftswarm.consensus.core;

/**
 * One durable write (PBFT section 4.5/TOCS 2002 section 3: a replica keeps what it signed and
 * its stable checkpoint, so after a restart it never contradicts itself).
 */
public sealed interface PersistOp {
    /** The view this replica is in or is changing to. */
    record SaveView(long view) implements PersistOp {}

    /** Replace the record of slot seq. */
    record SaveSlot(long seq, SlotRecord slot) implements PersistOp {}

    /**
     * New stable checkpoint; also delete every slot and every own checkpoint with seq &lt;=
     * checkpoint.seq().
     */
    record SaveStableCheckpoint(StableCheckpoint checkpoint) implements PersistOp {}

    /**
     * The snapshot behind a CHECKPOINT this replica is about to sign (PBFT section 4.3: the replicas
     * whose checkpoint messages certify a state must be able to serve it). Kept until a stable
     * checkpoint at or above seq replaces it, so a restart cannot leave a certified state that only
     * faulty replicas hold.
     */
    record SaveOwnCheckpoint(long seq, byte[] snapshot) implements PersistOp {}
}
