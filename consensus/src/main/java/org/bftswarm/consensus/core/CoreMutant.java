package org.bftswarm.consensus.core;

import org.bftswarm.consensus.api.ReplicatedStateMachine;

/**
 * Deliberately broken variants of single protocol rules of the replica core, one rule each, for the
 * simulator's mutation tests: every mutant must be caught by the simulator's checkers, which proves
 * that the rule is both needed and watched. A replica runs {@link #NONE} unless it is built with
 * {@link Replica#Replica(ReplicaConfig, ReplicatedStateMachine, CoreMutant)}
 * or the matching {@link Replica#recover} overload; no configuration file or flag can select a mutant.
 */
public enum CoreMutant {
    /** The real protocol. */
    NONE,
    /** NEW-VIEW accepted as sent: its re-proposals are not checked against O recomputed from the view changes. */
    NEW_VIEW_NOT_RECOMPUTED,
    /** A checkpoint becomes stable on a single signature instead of a quorum of matching ones. */
    CHECKPOINT_ONE_SIGNATURE,
    /** Checkpoint votes for one seq are counted together whatever digest each signs. */
    CHECKPOINT_MIXED_DIGESTS,
    /** State-transfer chunks are kept without checking their Merkle path against the certified digest. */
    STATE_CHUNK_UNPROVEN,
    /** Writes are made durable only in the next outbox, after the messages that depend on them left. */
    SEND_BEFORE_PERSIST,
    /** Pre-prepares are accepted at any sequence number, outside the low and high watermarks. */
    PRE_PREPARE_OUTSIDE_WATERMARKS,
    /** A backup accepts a primary's batch timestamp that goes backwards, and executes with it. */
    TIMESTAMP_BACKWARDS,
    /** A request equal to its client's last executed one is ordered and executed again, not answered from the cache. */
    REPLY_CACHE_REEXECUTES,
    /** The request and NEW-VIEW timeout stays at its base instead of doubling per consecutive failed view. */
    VIEW_TIMER_NOT_DOUBLING
}
