package org.bftswarm.consensus.sim;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.codec.ByteReader;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.consensus.codec.MalformedMessageException;
import org.bftswarm.crypto.Digest;

/**
 * The simulator's replicated service: a hash chain over every executed (seq, timestamp, client,
 * request, operation). Its reply is the new chain head and count, so any divergence in order or
 * content changes every later reply and checkpoint digest. It also counts a request executed
 * twice (a core bug) as part of its state.
 */
public final class TestStateMachine implements ReplicatedStateMachine {
    /** Observer of executions (the simulator's checkers). */
    public interface Listener {
        void executed(ExecutionContext ctx, byte[] result);
    }

    private long count;
    private byte[] head = new byte[32];
    private long duplicates;
    private long lastTimestamp;
    private long timestampRegressions;
    private final TreeMap<Integer, Long> lastRequest = new TreeMap<>();
    private final Listener listener;

    public TestStateMachine(Listener listener) {
        this.listener = listener;
    }

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        Long last = lastRequest.get(ctx.clientId());
        if (last != null && ctx.requestNumber() <= last) {
            duplicates++;
        }
        if (ctx.timestampMillis() < lastTimestamp) {
            timestampRegressions++;
        }
        lastTimestamp = ctx.timestampMillis();
        lastRequest.put(ctx.clientId(), ctx.requestNumber());
        count++;
        ByteWriter w = new ByteWriter(96 + operation.length);
        w.raw(head)
                .i64(ctx.sequence())
                .i64(ctx.timestampMillis())
                .i32(ctx.clientId())
                .i64(ctx.requestNumber())
                .bytes(operation);
        head = Digest.sha256(w.toBytes()).bytes();
        byte[] result = ByteBuffer.allocate(40).putLong(count).put(head).array();
        if (listener != null) {
            listener.executed(ctx, result);
        }
        return result;
    }

    @Override
    public byte[] snapshot() {
        ByteWriter w = new ByteWriter(96 + lastRequest.size() * 12);
        w.i64(count)
                .raw(head)
                .i64(duplicates)
                .i64(lastTimestamp)
                .i64(timestampRegressions)
                .i32(lastRequest.size());
        for (Map.Entry<Integer, Long> e : lastRequest.entrySet()) {
            w.i32(e.getKey()).i64(e.getValue());
        }
        return w.toBytes();
    }

    @Override
    public void restore(byte[] snapshot) {
        try {
            ByteReader r = new ByteReader(snapshot);
            long c = r.i64();
            byte[] h = r.raw(32);
            long d = r.i64();
            long ts = r.i64();
            long reg = r.i64();
            int n = r.count(1 << 20);
            TreeMap<Integer, Long> last = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                last.put(r.i32(), r.i64());
            }
            r.expectEnd();
            count = c;
            head = h;
            duplicates = d;
            lastTimestamp = ts;
            timestampRegressions = reg;
            lastRequest.clear();
            lastRequest.putAll(last);
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException("not a TestStateMachine snapshot: " + e.getMessage());
        }
    }

    @Override
    public Digest digest() {
        return Digest.sha256(snapshot());
    }

    public long count() {
        return count;
    }

    public long duplicates() {
        return duplicates;
    }

    public long timestampRegressions() {
        return timestampRegressions;
    }
}
