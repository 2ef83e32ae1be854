package org.bftswarm.node.config;

import org.bftswarm.crypto.Invariants;

/**
 * The configured capacity of one node ({@code capacity:} in the cluster configuration): whole CPUs
 * and megabytes of memory it offers the scheduler. Integers on purpose: the
 * scheduler is a replicated deterministic state machine and must not do floating-point arithmetic.
 */
public record CapacitySettings(int cpus, int memoryMb) {

    /** Docker refuses memory limits below 6 MB. */
    public static final int MIN_MEMORY_MB = 6;

    public static final CapacitySettings DEFAULTS = new CapacitySettings(2, 1024);

    public CapacitySettings {
        Invariants.check(cpus >= 1, "cpus %d < 1", cpus);
        Invariants.check(memoryMb >= MIN_MEMORY_MB, "memoryMb %d < %d", memoryMb, MIN_MEMORY_MB);
    }
}
