package org.bftswarm.consensus.core;

import org.bftswarm.consensus.codec.Signed;

/** What the pure client core asks its runtime to do or report. */
public sealed interface ClientEffect {
    /** Send (or re-send) the signed request to every replica. */
    record SendToAll(Signed request) implements ClientEffect {}

    /** f+1 replicas gave this matching result. */
    record Completed(long requestNumber, byte[] result) implements ClientEffect {}

    /** No f+1 matching replies before the deadline. */
    record Failed(long requestNumber, String reason) implements ClientEffect {}
}
