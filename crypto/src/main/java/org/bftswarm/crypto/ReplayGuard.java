package org.bftswarm.crypto;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-sender anti-replay window after IPsec ESP (RFC 4303 section 3.4.3, bitmap as in RFC 6479):
 * each sender's counters are accepted at most once, and a counter more than {@code window} below
 * the highest one seen from that sender is rejected as too old. Memory per sender is one long plus
 * a bitmap of {@code window} bits; the number of tracked senders is capped (new senders beyond the
 * cap are rejected, failing closed). Pure logic (no clock, no I/O); thread-safe by synchronization.
 */
public final class ReplayGuard {
    /** Largest supported window (bits per sender). */
    public static final int MAX_WINDOW = 1 << 20;
    /** Default cap on distinct senders tracked. */
    public static final int DEFAULT_MAX_SENDERS = 1 << 16;

    private final int window;
    private final int maxSenders;
    private final Map<Integer, SenderWindow> senders = new HashMap<>();

    /** A guard with a window of {@code window} counters per sender (1..{@value #MAX_WINDOW}). */
    public ReplayGuard(int window) {
        this(window, DEFAULT_MAX_SENDERS);
    }

    /** A guard tracking at most {@code maxSenders} distinct senders. */
    public ReplayGuard(int window, int maxSenders) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("replay window must be 1.." + MAX_WINDOW + ", got " + window);
        }
        if (maxSenders < 1) {
            throw new IllegalArgumentException("maxSenders must be positive, got " + maxSenders);
        }
        this.window = window;
        this.maxSenders = maxSenders;
    }

    /**
     * True exactly when {@code counter} (>= 0) has not been accepted before from {@code sender} and is
     * within the window below the highest counter accepted from it; records it on acceptance.
     */
    public synchronized boolean accept(int sender, long counter) {
        if (counter < 0) {
            return false;
        }
        SenderWindow w = senders.get(sender);
        if (w == null) {
            if (senders.size() >= maxSenders) {
                return false;
            }
            w = new SenderWindow(window);
            senders.put(sender, w);
        }
        return w.accept(counter);
    }

    /** The highest counter accepted from {@code sender}, or -1 if none. */
    public synchronized long highest(int sender) {
        SenderWindow w = senders.get(sender);
        return w == null ? -1 : w.highest;
    }

    /** The configured window. */
    public int window() {
        return window;
    }

    /** Number of distinct senders tracked. */
    public synchronized int trackedSenders() {
        return senders.size();
    }

    /** One sender's state: highest counter and a ring bitmap of the counters in (highest - capacity, highest]. */
    private static final class SenderWindow {
        private final int window;
        private final long[] bits;
        private final int capacity;
        private long highest = -1;

        SenderWindow(int window) {
            this.window = window;
            this.bits = new long[(window + 63) >>> 6];
            this.capacity = bits.length << 6;
        }

        boolean accept(long counter) {
            if (counter > highest) {
                long advance = highest < 0 ? capacity : counter - highest;
                if (advance >= capacity) {
                    Arrays.fill(bits, 0L);
                } else {
                    for (long c = highest + 1; c <= counter; c++) {
                        clear(c);
                    }
                }
                highest = counter;
                set(counter);
                return true;
            }
            if (highest - counter >= window) {
                return false;
            }
            if (isSet(counter)) {
                return false;
            }
            set(counter);
            return true;
        }

        private int slot(long counter) {
            return (int) (counter % capacity);
        }

        private boolean isSet(long counter) {
            int s = slot(counter);
            return (bits[s >>> 6] & (1L << (s & 63))) != 0;
        }

        private void set(long counter) {
            int s = slot(counter);
            bits[s >>> 6] |= 1L << (s & 63);
        }

        private void clear(long counter) {
            int s = slot(counter);
            bits[s >>> 6] &= ~(1L << (s & 63));
        }
    }
}
