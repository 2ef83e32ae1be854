package org.bftswarm.orchestrator.mine;

import org.bftswarm.crypto.Invariants;

/**
 * One work unit of a search: nonces {@code from..to} (inclusive) of the header of extra-nonce round
 * {@code extraNonce}. A search without an explicit range walks (round, nonce) in order, each round's
 * 2^32 nonces cut into {@code ceil(2^32 / unitSize)} units (the last one shorter), so unit {@code i}
 * is unit {@code i mod perRound} of round {@code i / perRound}; an explicit range {@code [start, end]}
 * is cut the same way within round 0 and has {@code ceil((end - start + 1) / unitSize)} units.
 */
public record WorkUnit(long index, long extraNonce, long from, long to) {

    public WorkUnit {
        Invariants.check(index >= 0 && extraNonce >= 0 && from <= to, "bad unit %s [%s, %s]", index, from, to);
    }

    public long size() {
        return to - from + 1;
    }

    /** Units per extra-nonce round of a search cut into units of {@code unitSize} nonces. */
    public static long perRound(long unitSize) {
        return (BlockHeader.MAX_U32 + unitSize) / unitSize;
    }

    /** Unit {@code i} of a search without an explicit range. */
    public static WorkUnit rolling(long unitSize, long i) {
        long per = perRound(unitSize);
        long from = (i % per) * unitSize;
        return new WorkUnit(i, i / per, from, Math.min(from + unitSize - 1, BlockHeader.MAX_U32));
    }

    /** How many units cut {@code [start, end]}. */
    public static long countInRange(long unitSize, long start, long end) {
        return (end - start + unitSize) / unitSize;
    }

    /** Unit {@code i} of the explicit range {@code [start, end]}. */
    public static WorkUnit inRange(long unitSize, long start, long end, long i) {
        Invariants.check(i < countInRange(unitSize, start, end), "unit %s beyond the range", i);
        long from = start + i * unitSize;
        return new WorkUnit(i, 0, from, Math.min(from + unitSize - 1, end));
    }
}
