package org.bftswarm.api;

/** An amount of node resources: CPUs and memory, as used for capacity and usage in {@link NodeJson}. */
public record Resources(double cpus, long memoryMb) {}
