package org.bftswarm.state.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-sender evidence tally is queryable and bounded in size whatever ids forgers claim. */
class InvalidEntryCounterTest {
    @Test
    void countsPerSenderAndReasonAndKeepsTheLastEvidence() {
        InvalidEntryCounter c = new InvalidEntryCounter();
        c.record(new Verdict.Rejected(InvalidReason.BAD_SIGNATURE, 2, "first"));
        c.record(new Verdict.Rejected(InvalidReason.WRONG_OWNER, 2, "second"));
        c.record(new Verdict.Rejected(InvalidReason.MALFORMED, Verdict.UNATTRIBUTED, "junk"));
        assertThat(c.count(2)).isEqualTo(2);
        assertThat(c.count(2, InvalidReason.WRONG_OWNER)).isEqualTo(1);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.lastEvidence().get(2).detail()).isEqualTo("second");
        assertThat(c.snapshot()).containsOnlyKeys(Verdict.UNATTRIBUTED, 2);
    }

    @Test
    void claimedSenderIdsBeyondTheBoundFoldIntoUnattributed() {
        InvalidEntryCounter c = new InvalidEntryCounter();
        int claims = InvalidEntryCounter.MAX_TRACKED_SENDERS + 500;
        for (int id = 0; id < claims; id++) {
            c.record(new Verdict.Rejected(InvalidReason.UNKNOWN_SIGNER, 10_000 + id, "x"));
        }
        assertThat(c.snapshot().size()).isLessThanOrEqualTo(InvalidEntryCounter.MAX_TRACKED_SENDERS + 1);
        assertThat(c.count(Verdict.UNATTRIBUTED)).isEqualTo(500);
        assertThat(c.total()).isEqualTo(claims);
    }
}
