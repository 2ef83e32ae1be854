package org.bftswarm.wasm;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds one shard runs under.
 *
 * <p>Rules: {@code fuel} is the number of WebAssembly instructions the shard may execute (start function, {@code
 * alloc} and entry together), or {@code null} for unmetered, compiled execution; {@code memoryPages} (64 KiB each,
 * 1 to {@value #MAX_MEMORY_PAGES}, just under 2 GiB, what one Java array holds) bounds the linear memory including
 * the module's own growth; {@code timeout} is wall-clock time and applies in both modes.
 */
public record ShardLimits(Long fuel, int memoryPages, Duration timeout) {
    public static final int MAX_MEMORY_PAGES = 32_767;

    public ShardLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (fuel != null && fuel <= 0) {
            throw new IllegalArgumentException("fuel must be positive or null (unmetered), got " + fuel);
        }
        if (memoryPages < 1 || memoryPages > MAX_MEMORY_PAGES) {
            throw new IllegalArgumentException(
                    "memoryPages must be between 1 and " + MAX_MEMORY_PAGES + ", got " + memoryPages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Unmetered (compiled) execution within {@code memoryPages} and {@code timeout}. */
    public static ShardLimits unmetered(int memoryPages, Duration timeout) {
        return new ShardLimits(null, memoryPages, timeout);
    }

    /** Interpreted execution of at most {@code fuel} instructions within {@code memoryPages} and {@code timeout}. */
    public static ShardLimits metered(long fuel, int memoryPages, Duration timeout) {
        return new ShardLimits(fuel, memoryPages, timeout);
    }

    public boolean metered() {
        return fuel != null;
    }
}
