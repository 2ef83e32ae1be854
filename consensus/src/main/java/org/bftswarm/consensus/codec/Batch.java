package org.bftswarm.consensus.codec;

import java.util.List;
import org.bftswarm.crypto.Digest;

/**
 * An ordered batch of signed client requests with the primary's timestamp (PBFT section 4.6,
 * non-determinism). Its digest is SHA-256 of its canonical encoding, computed exactly once,
 * and is independent of view and sequence so a NEW-VIEW can re-propose the same batch.
 * An empty batch is PBFT's null request.
 */
public final class Batch {
    private final long timestamp;
    private final List<Signed> requests;
    private final byte[] encoded;
    private final Digest digest;

    private Batch(long timestamp, List<Signed> requests, byte[] encoded, Digest digest) {
        this.timestamp = timestamp;
        this.requests = requests;
        this.encoded = encoded;
        this.digest = digest;
    }

    /** Builds a batch (requests must be REQUEST envelopes). */
    public static Batch of(long timestamp, List<Signed> requests) {
        ByteWriter w = new ByteWriter(64 + requests.size() * 128);
        w.i64(timestamp).i32(requests.size());
        for (Signed r : requests) {
            Codec.writeSigned(w, r);
        }
        byte[] enc = w.toBytes();
        return new Batch(timestamp, List.copyOf(requests), enc, Digest.sha256(enc));
    }

    /** The null request. */
    public static Batch empty() {
        return of(0L, List.of());
    }

    static Batch decode(ByteReader r, int depth) throws MalformedMessageException {
        int start = r.position();
        long ts = r.i64();
        int n = r.count(Codec.MAX_LIST);
        Signed[] reqs = new Signed[n];
        for (int i = 0; i < n; i++) {
            reqs[i] = Codec.readSigned(r, MessageType.REQUEST, depth + 1);
        }
        int len = r.position() - start;
        byte[] enc = new byte[len];
        System.arraycopy(r.buffer(), start, enc, 0, len);
        return new Batch(ts, List.of(reqs), enc, Digest.sha256(enc));
    }

    public long timestamp() {
        return timestamp;
    }

    public List<Signed> requests() {
        return requests;
    }

    public boolean isNull() {
        return requests.isEmpty();
    }

    public Digest digest() {
        return digest;
    }

    byte[] encodedUnsafe() {
        return encoded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && digest.equals(b.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "Batch[ts=" + timestamp + ", requests=" + requests.size() + ", digest="
                + digest.hex().substring(0, 8) + "]";
    }
}
