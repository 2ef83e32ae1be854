package org.bftswarm.consensus.sim;

/** The Byzantine behaviours a simulated faulty replica (at most f per run) may combine. */
public enum Behaviour {
    /** Sends nothing at all. */
    SILENT,
    /** As primary, sends different batches for the same seq to different backups (and commits for both). */
    EQUIVOCATE,
    /** Prepares and commits carry wrong digests. */
    WRONG_DIGESTS,
    /** Sends messages claiming other senders (bad signatures), forged client requests and certificates. */
    FORGE_SIGNATURES,
    /**
     * Re-sends old messages it received (old views, old sequence numbers) to random replicas and, as
     * primary, puts the latest request it heard from a client into its batches again.
     */
    REPLAY_OLD,
    /**
     * Signs wrong checkpoint digests (also for checkpoints nobody reached yet) and serves bogus
     * state-transfer chunks: random bytes, or the real chunk with one byte changed.
     */
    LYING_CHECKPOINTS,
    /** Floods view changes for random higher views and bogus NEW-VIEWs. */
    VIEW_CHANGE_SPAM,
    /** Sends clients wrong results and replies to requests never made. */
    FAKE_REPLIES,
    /** As a new primary, sends a NEW-VIEW whose re-proposals differ from the choice its view changes dictate. */
    BAD_NEW_VIEW,
    /** As primary, stamps every other batch with a time before the previous batch's. */
    TIME_TRAVEL,
    /** As primary, also proposes every batch again one watermark window further on. */
    BEYOND_WATERMARKS,
    /**
     * Its view changes carry no prepared certificates and, as new primary, it builds NEW-VIEW from the
     * quorum of view changes it heard that carry the fewest (a valid NEW-VIEW that drops what it can).
     */
    OMIT_PREPARED
}
