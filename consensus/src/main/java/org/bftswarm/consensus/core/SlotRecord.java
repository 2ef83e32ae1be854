package org.bftswarm.consensus.core;

import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Signed;

/**
 * Durable part of one log slot: the pre-prepare accepted in {@code view}, this replica's own
 * prepare and commit in that view, and the highest-view prepared certificate it holds (which a
 * VIEW-CHANGE must carry, PBFT-PK). Any field except view may be null.
 */
public record SlotRecord(long view, Signed prePrepare, Signed myPrepare, Signed myCommit, PreparedCert prepared) {}
