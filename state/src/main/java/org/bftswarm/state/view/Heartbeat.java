package org.bftswarm.state.view;

import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * A node's liveness beacon: sequence number and the sender's own clock. Receivers
 * time suspicion by their local receipt time, never by this timestamp.
 */
public record Heartbeat(int node, long seq, long timestampMillis) {
    public static final String ENTRY_NAME = "heartbeat";

    public byte[] encode() {
        return new CanonicalWriter()
                .writeInt(node)
                .writeLong(seq)
                .writeLong(timestampMillis)
                .toByteArray();
    }

    public static Heartbeat decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        Heartbeat h = new Heartbeat(r.readInt("node"), r.readLong("seq"), r.readLong("timestamp"));
        r.expectEnd("heartbeat");
        if (h.seq < 0) {
            throw new MalformedBytesException("negative heartbeat seq");
        }
        return h;
    }
}
