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
    /** Re-sends old messages it received (old views, old sequence numbers) to random replicas. */
    REPLAY_OLD,
    /** Signs wrong checkpoint digests and serves bogus state-transfer chunks. */
    LYING_CHECKPOINTS,
    /** Floods view changes for random higher views and bogus NEW-VIEWs. */
    VIEW_CHANGE_SPAM,
    /** Sends clients wrong results and replies to requests never made. */
    FAKE_REPLIES
}
