package org.bftswarm.orchestrator.view;

/**
 * One block of the replicated chain: its height (the first mined block is 1; height 0 is the genesis
 * hash it builds on), hash, previous hash and merkle root (displayed form), header time and nonce,
 * the node whose verified report found it, the nonces its job covered and the batch seconds from
 * the job's ordering to the solution, the batch time it was accepted at, and the job that mined it.
 */
public record ChainBlock(
        long height,
        String hash,
        String prev,
        String merkle,
        long time,
        long nonce,
        int miner,
        long hashes,
        double seconds,
        long minedAtMillis,
        String jobId) {}
