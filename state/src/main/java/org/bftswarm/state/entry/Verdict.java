package org.bftswarm.state.entry;

/** Outcome of verifying one received entry: accepted, or rejected with reason and attributed sender. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {
    /** Sender id used when nothing in the bytes names one. */
    int UNATTRIBUTED = -1;

    record Accepted(SignedEntry entry) implements Verdict {}

    record Rejected(InvalidReason reason, int sender, String detail) implements Verdict {}
}
