package org.bftswarm.state.view;

import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * A node's liveness beacon: sequence number, the sender's own clock, and the interval (ms) until
 * its next heartbeat, so that peers time their suspicion by the period this node announced (signed
 * with the entry) rather than by a fixed one. Receivers time suspicion by their local receipt time,
 * never by the timestamp. An interval of 0 means none was announced (the older 20-byte encoding,
 * which still decodes): receivers then assume the configured period.
 */
public record Heartbeat(int node, long seq, long timestampMillis, int intervalMillis) {
    public static final String ENTRY_NAME = "heartbeat";

    public Heartbeat {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("negative heartbeat interval " + intervalMillis);
        }
    }

    /** A heartbeat that announces no interval. */
    public Heartbeat(int node, long seq, long timestampMillis) {
        this(node, seq, timestampMillis, 0);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter().writeInt(node).writeLong(seq).writeLong(timestampMillis);
        if (intervalMillis > 0) {
            w.writeInt(intervalMillis);
        }
        return w.toByteArray();
    }

    public static Heartbeat decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int node = r.readInt("node");
        long seq = r.readLong("seq");
        long timestamp = r.readLong("timestamp");
        int interval = 0;
        if (!r.atEnd()) {
            interval = r.readInt("interval");
            if (interval <= 0) {
                throw new MalformedBytesException("heartbeat interval " + interval + " not positive");
            }
        }
        r.expectEnd("heartbeat");
        if (seq < 0) {
            throw new MalformedBytesException("negative heartbeat seq");
        }
        return new Heartbeat(node, seq, timestamp, interval);
    }
}
