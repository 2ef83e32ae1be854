package org.bftswarm.orchestrator.view;

/**
 * A mine job's search for the API: the target and unit size, how many units were issued and ended
 * without a solution (and the nonces those covered), how many lost their node and were placed again,
 * false solutions refused, and once it ended the outcome (SOLVED, NOT_FOUND, FAILED, CANCELLED) with
 * the verified nonce, extra-nonce round, block hash, merkle root and the node that found it.
 *
 * @param unitCount units the search holds, or null when the extra-nonce rolls without end
 */
public record MineView(
        String target,
        long unitSize,
        Long unitCount,
        long unitsIssued,
        long unitsDone,
        long noncesCovered,
        long reassigned,
        long falseClaims,
        String outcome,
        Long nonce,
        Long extraNonce,
        String hash,
        String merkle,
        Integer miner) {}
