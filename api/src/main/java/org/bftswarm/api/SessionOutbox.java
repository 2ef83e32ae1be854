package org.bftswarm.api;

import java.util.ArrayDeque;
import org.bftswarm.crypto.Invariants;

/**
 * The bounded send queue of one WebSocket subscriber: at most one write in flight, at most
 * {@code capacity} messages waiting behind it. A subscriber that lets the queue fill is a slow
 * consumer and is cut off ({@link Offer#OVERFLOW}) instead of growing memory. Pure bookkeeping
 * (no I/O): the caller performs the write that {@link #offer} or {@link #writeSucceeded} hands back,
 * outside this object's lock. Thread-safe.
 */
final class SessionOutbox {

    /** What the caller must do with an offered message. */
    enum Offer {
        /** Nothing was in flight: write this message now. */
        SEND_NOW,
        /** Queued behind the write in flight. */
        QUEUED,
        /** Queue full: the outbox is now closed and emptied; disconnect the subscriber. */
        OVERFLOW,
        /** The outbox was already closed; the message is dropped. */
        CLOSED
    }

    private final int capacity;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    SessionOutbox(int capacity) {
        Invariants.check(capacity >= 1, "outbox capacity must be >= 1, got %d", capacity);
        this.capacity = capacity;
    }

    synchronized Offer offer(String message) {
        if (closed) {
            return Offer.CLOSED;
        }
        if (!writing) {
            writing = true;
            return Offer.SEND_NOW;
        }
        if (waiting.size() >= capacity) {
            close();
            return Offer.OVERFLOW;
        }
        waiting.addLast(message);
        return Offer.QUEUED;
    }

    /** The write in flight finished; returns the next message to write, or null if none (or closed). */
    synchronized String writeSucceeded() {
        Invariants.check(writing || closed, "writeSucceeded without a write in flight");
        if (closed) {
            return null;
        }
        String next = waiting.pollFirst();
        writing = next != null;
        return next;
    }

    /** Drops everything waiting; later offers return {@link Offer#CLOSED}. Idempotent. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
