package org.bftswarm.node;

import java.util.List;

/**
 * The outcome of {@link GossipModePolicy#choose}: the mode, the heartbeat interval this node uses and
 * announces, the period of its idle consensus {@code Tick}s and of its CRDT anti-entropy re-sends, and
 * the reason in words (shown in
 * status, the API and metrics).
 */
public record GossipDecision(
        GossipMode mode, long intervalMillis, long tickMillis, long antiEntropyMillis, String reason) {
    /** The kinds of reason, each the first word of a {@link #reason()}. */
    public static final List<String> CAUSES = List.of("starting", "repair", "work", "energy", "recent", "quiet");

    /** The first word of the reason (one of {@link #CAUSES}), e.g. {@code quiet}. */
    public String cause() {
        int colon = reason.indexOf(':');
        String word = colon < 0 ? reason : reason.substring(0, colon);
        return word.split(" ", 2)[0];
    }
}
