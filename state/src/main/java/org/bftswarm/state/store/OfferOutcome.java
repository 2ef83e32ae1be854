package org.bftswarm.state.store;

import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.entry.Verdict;

/** Result of offering one entry to the {@link SignedEntryStore}. */
public sealed interface OfferOutcome
        permits OfferOutcome.Applied, OfferOutcome.Duplicate, OfferOutcome.Stale, OfferOutcome.Rejected {

    /** The entry superseded what the store held (previous may be null). */
    record Applied(SignedEntry entry, SignedEntry previous) implements OfferOutcome {}

    /** The store already held exactly this entry. */
    record Duplicate(SignedEntry entry) implements OfferOutcome {}

    /** Valid but older than what the store holds (e.g. a replay); state did not change. */
    record Stale(SignedEntry offered, SignedEntry current) implements OfferOutcome {}

    /** Failed verification; counted against the attributed sender. */
    record Rejected(Verdict.Rejected verdict) implements OfferOutcome {}
}
