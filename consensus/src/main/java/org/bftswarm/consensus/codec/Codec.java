package org.bftswarm.consensus.codec;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;

/**
 * Canonical big-endian encoding of the PBFT message bodies: the same bytes are signed and sent.
 * Embedded signed messages (certificates) are written as type, sender, length-prefixed payload,
 * 64-byte signature. Decoding is total: hostile bytes give {@link Decoded.Malformed}, never an
 * unchecked exception; nesting depth and list sizes are bounded.
 */
public final class Codec {
    static final int MAX_LIST = 4096;
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** A Merkle path over at most 2^31 snapshot chunks has at most 32 siblings. */
    static final int MAX_MERKLE_PATH = 32;

    static final int MAX_DEPTH = 4;

    private Codec() {}

    public static byte[] encodeBody(Message m) {
        ByteWriter w = new ByteWriter(128);
        writeBody(w, m);
        return w.toBytes();
    }

    /** Decodes a body of the given envelope type from its payload. */
    public static Decoded<Message> decodeBody(int type, byte[] payload) {
        try {
            return new Decoded.Ok<>(readBody(type, payload, 0));
        } catch (MalformedMessageException e) {
            return new Decoded.Malformed<>(MessageType.name(type) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>(MessageType.name(type) + ": " + e);
        }
    }

    /** Encodes a standalone signed message (for storage). */
    public static byte[] encodeSigned(Signed s) {
        ByteWriter w = new ByteWriter(s.payloadUnsafe().length + 80);
        writeSigned(w, s);
        return w.toBytes();
    }

    /** Decodes a standalone signed message (signature not checked). */
    public static Decoded<Signed> decodeSigned(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            Signed s = readSigned(r, -1, 0);
            r.expectEnd();
            return new Decoded.Ok<>(s);
        } catch (MalformedMessageException e) {
            return new Decoded.Malformed<>(e.getMessage());
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>(e.toString());
        }
    }

    static Message readBody(int type, byte[] payload, int depth) throws MalformedMessageException {
        if (depth > MAX_DEPTH) {
            throw new MalformedMessageException("nesting deeper than " + MAX_DEPTH);
        }
        ByteReader r = new ByteReader(payload);
        Message m = switch (type) {
            case MessageType.REQUEST -> new Request(r.i32(), r.u63(), r.bytes(MAX_BYTES));
            case MessageType.PRE_PREPARE -> new PrePrepare(r.u63(), r.u63(), Batch.decode(r, depth));
            case MessageType.PREPARE -> new Prepare(r.u63(), r.u63(), r.digest());
            case MessageType.COMMIT -> new Commit(r.u63(), r.u63(), r.digest());
            case MessageType.CHECKPOINT -> new Checkpoint(r.u63(), r.digest());
            case MessageType.VIEW_CHANGE -> readViewChange(r, depth);
            case MessageType.NEW_VIEW ->
                new NewView(
                        r.u63(),
                        readList(r, MessageType.VIEW_CHANGE, depth),
                        readList(r, MessageType.PRE_PREPARE, depth));
            case MessageType.REPLY -> readReply(r);
            case MessageType.FETCH -> new Fetch(r.u63());
            case MessageType.COMMIT_PROOF ->
                new CommitProof(
                        readSigned(r, MessageType.PRE_PREPARE, depth + 1), readList(r, MessageType.COMMIT, depth));
            case MessageType.STATE_REQUEST -> new StateRequest(r.u63(), nonNegative(r.i32()));
            case MessageType.STATE_CHUNK ->
                new StateChunk(
                        r.u63(),
                        nonNegative(r.i32()),
                        nonNegative(r.i32()),
                        nonNegative(r.i32()),
                        r.bytes(MAX_BYTES),
                        readDigests(r, MAX_MERKLE_PATH));
            default -> throw new MalformedMessageException("unknown message type " + type);
        };
        r.expectEnd();
        return m;
    }

    private static List<Digest> readDigests(ByteReader r, int max) throws MalformedMessageException {
        int n = r.count(max);
        List<Digest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.digest());
        }
        return out;
    }

    private static int nonNegative(int v) throws MalformedMessageException {
        if (v < 0) {
            throw new MalformedMessageException("negative " + v);
        }
        return v;
    }

    /**
     * A reply is view, client, request number and result, then (from replicas that sign replies) the
     * execution sequence and a certificate signature of 0 or 64 bytes; a body that ends after the result
     * is an unsigned reply of an older replica.
     */
    private static Reply readReply(ByteReader r) throws MalformedMessageException {
        long view = r.u63();
        int client = r.i32();
        long number = r.u63();
        byte[] result = r.bytes(MAX_BYTES);
        if (r.remaining() == 0) {
            return new Reply(view, client, number, result);
        }
        long sequence = r.u63();
        byte[] signature = r.bytes(SigningKey.SIGNATURE_LENGTH);
        if (signature.length != 0 && signature.length != SigningKey.SIGNATURE_LENGTH) {
            throw new MalformedMessageException("reply signature of " + signature.length + " bytes");
        }
        return new Reply(view, client, number, result, sequence, signature);
    }

    private static ViewChange readViewChange(ByteReader r, int depth) throws MalformedMessageException {
        long newView = r.u63();
        long stableSeq = r.u63();
        var stableDigest = r.digest();
        List<Signed> proof = readList(r, MessageType.CHECKPOINT, depth);
        int n = r.count(MAX_LIST);
        List<PreparedCert> certs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Signed pp = readSigned(r, MessageType.PRE_PREPARE, depth + 1);
            certs.add(new PreparedCert(pp, readList(r, MessageType.PREPARE, depth)));
        }
        return new ViewChange(newView, stableSeq, stableDigest, List.copyOf(proof), List.copyOf(certs));
    }

    private static List<Signed> readList(ByteReader r, int type, int depth) throws MalformedMessageException {
        int n = r.count(MAX_LIST);
        Signed[] out = new Signed[n];
        for (int i = 0; i < n; i++) {
            out[i] = readSigned(r, type, depth + 1);
        }
        return List.of(out);
    }

    /** Reads an embedded signed message; expectedType -1 accepts any type. */
    static Signed readSigned(ByteReader r, int expectedType, int depth) throws MalformedMessageException {
        int type = r.i32();
        if (expectedType >= 0 && type != expectedType) {
            throw new MalformedMessageException(
                    "expected " + MessageType.name(expectedType) + " got " + MessageType.name(type));
        }
        int sender = r.i32();
        if (sender < 0) {
            throw new MalformedMessageException("negative sender");
        }
        byte[] payload = r.bytes(MAX_BYTES);
        byte[] sig = r.raw(SigningKey.SIGNATURE_LENGTH);
        return Signed.unverified(sender, payload, sig, readBody(type, payload, depth));
    }

    static void writeSigned(ByteWriter w, Signed s) {
        w.i32(s.type()).i32(s.sender()).bytes(s.payloadUnsafe()).raw(s.signatureUnsafe());
    }

    private static void writeList(ByteWriter w, List<Signed> list) {
        w.i32(list.size());
        for (Signed s : list) {
            writeSigned(w, s);
        }
    }

    private static void writeBody(ByteWriter w, Message m) {
        if (m instanceof Request q) {
            w.i32(q.clientId()).i64(q.requestNumber()).bytes(q.operation());
        } else if (m instanceof PrePrepare p) {
            w.i64(p.view()).i64(p.seq()).raw(p.batch().encodedUnsafe());
        } else if (m instanceof Prepare p) {
            w.i64(p.view()).i64(p.seq()).digest(p.digest());
        } else if (m instanceof Commit c) {
            w.i64(c.view()).i64(c.seq()).digest(c.digest());
        } else if (m instanceof Checkpoint c) {
            w.i64(c.seq()).digest(c.stateDigest());
        } else if (m instanceof ViewChange v) {
            w.i64(v.newView()).i64(v.stableSeq()).digest(v.stableDigest());
            writeList(w, v.checkpointProof());
            w.i32(v.prepared().size());
            for (PreparedCert c : v.prepared()) {
                writeSigned(w, c.prePrepare());
                writeList(w, c.prepares());
            }
        } else if (m instanceof NewView v) {
            w.i64(v.view());
            writeList(w, v.viewChanges());
            writeList(w, v.prePrepares());
        } else if (m instanceof Reply r) {
            w.i64(r.view()).i32(r.clientId()).i64(r.requestNumber()).bytes(r.result());
            w.i64(r.sequence()).bytes(r.signature());
        } else if (m instanceof Fetch f) {
            w.i64(f.seq());
        } else if (m instanceof CommitProof c) {
            writeSigned(w, c.prePrepare());
            writeList(w, c.commits());
        } else if (m instanceof StateRequest s) {
            w.i64(s.seq()).i32(s.chunk());
        } else if (m instanceof StateChunk s) {
            w.i64(s.seq())
                    .i32(s.chunk())
                    .i32(s.totalChunks())
                    .i32(s.totalLength())
                    .bytes(s.data());
            w.i32(s.proof().size());
            for (Digest d : s.proof()) {
                w.digest(d);
            }
        } else {
            throw new IllegalArgumentException("unknown body " + m);
        }
    }
}
