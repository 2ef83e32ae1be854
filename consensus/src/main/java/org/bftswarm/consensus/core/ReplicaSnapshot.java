package org.bftswarm.consensus.core;

import java.util.TreeMap;
import org.bftswarm.consensus.codec.ByteReader;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.MalformedMessageException;

/**
 * The checkpointed replica state (PBFT section 4.3 "the state includes the last reply per
 * client"): last batch timestamp, the client table and the application snapshot, then the sequence
 * each client's last reply executed at (so a re-sent reply certifies the same sequence), in one
 * canonical byte string whose SHA-256 is the checkpoint digest.
 */
public record ReplicaSnapshot(long lastTimestamp, TreeMap<Integer, ClientTable.Entry> clients, byte[] application) {
    private static final int MAX = 1 << 30;

    public byte[] encode() {
        ByteWriter w = new ByteWriter(64 + application.length + clients.size() * 48);
        w.i64(lastTimestamp).i32(clients.size());
        for (var e : clients.entrySet()) {
            w.i32(e.getKey())
                    .i64(e.getValue().requestNumber())
                    .bytes(e.getValue().result());
        }
        w.bytes(application).i32(clients.size());
        for (ClientTable.Entry e : clients.values()) {
            w.i64(e.sequence());
        }
        return w.toBytes();
    }

    public static Decoded<ReplicaSnapshot> decode(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            long ts = r.i64();
            int n = r.count(MAX);
            TreeMap<Integer, ClientTable.Entry> clients = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                clients.put(r.i32(), new ClientTable.Entry(r.u63(), r.bytes(MAX)));
            }
            byte[] app = r.bytes(MAX);
            if (r.remaining() > 0) {
                withSequences(r, clients);
            }
            r.expectEnd();
            return new Decoded.Ok<>(new ReplicaSnapshot(ts, clients, app));
        } catch (MalformedMessageException e) {
            return new Decoded.Malformed<>(e.getMessage());
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>(e.toString());
        }
    }

    /** The trailer: each client's execution sequence, in client order (absent in older snapshots: 0). */
    private static void withSequences(ByteReader r, TreeMap<Integer, ClientTable.Entry> clients)
            throws MalformedMessageException {
        int n = r.count(MAX);
        if (n != clients.size()) {
            throw new MalformedMessageException(n + " client sequences for " + clients.size() + " clients");
        }
        for (var e : clients.entrySet()) {
            ClientTable.Entry old = e.getValue();
            e.setValue(new ClientTable.Entry(old.requestNumber(), old.result(), r.u63()));
        }
    }
}
