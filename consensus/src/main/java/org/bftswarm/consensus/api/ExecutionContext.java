package org.bftswarm.consensus.api;

/**
 * What a state machine may know about the operation it executes: its global sequence number,
 * the primary's batch timestamp (checked by backups: the ONLY clock a state machine may read,
 * PBFT OSDI '99 section 4.6 on non-determinism), and the client request identity.
 */
public record ExecutionContext(long sequence, long timestampMillis, int clientId, long requestNumber) {}
