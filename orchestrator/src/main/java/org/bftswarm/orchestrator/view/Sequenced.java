package org.bftswarm.orchestrator.view;

/** A value read from a replica's scheduler and the sequence number of the last operation it reflects. */
public record Sequenced<T>(long sequence, T value) {}
