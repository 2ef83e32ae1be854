package org.bftswarm.consensus.transport;

/**
 * Why an inbound or outbound frame was discarded. Every drop is counted per reason:
 * hostile bytes are dropped, counted and logged at a bounded rate while the endpoint keeps serving).
 */
public enum DropReason {
    /** A length prefix larger than the configured maximum frame size (or negative). */
    OVERSIZED_FRAME,
    /** A connection closed in the middle of a frame. */
    TRUNCATED_FRAME,
    /** Frame bytes that do not decode as a signed envelope or as a protocol message. */
    MALFORMED,
    /** A well-formed envelope of another swarm. */
    WRONG_SWARM,
    /** A sender id that is not in the key registry. */
    UNKNOWN_SENDER,
    /** A signature that does not verify under the sender's key. */
    BAD_SIGNATURE,
    /** A frame identical to one already accepted from the same sender. */
    REPLAY,
    /** A sender that is not allowed to send this kind of message on this endpoint. */
    UNEXPECTED_SENDER,
    /** Outbound queue to a peer was full (slow or dead peer); the oldest frame was discarded. */
    OUTBOUND_QUEUE_FULL,
    /** The inbound hand-off queue was full; the frame was discarded before processing. */
    INBOUND_OVERLOAD
}
