package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.ByteReader;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.MalformedMessageException;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.consensus.codec.Signed;

/**
 * Byte encoding of the durable records ({@link SlotRecord}, {@link StableCheckpoint}) for a
 * key-value store such as MapDB. Decoding returns {@link Decoded}, never throws.
 */
public final class PersistCodec {
    private static final int MAX = 1 << 30;

    private PersistCodec() {}

    public static byte[] encodeSlot(SlotRecord s) {
        ByteWriter w = new ByteWriter(256);
        w.i64(s.view());
        optional(w, s.prePrepare());
        optional(w, s.myPrepare());
        optional(w, s.myCommit());
        if (s.prepared() == null) {
            w.i32(-1);
        } else {
            w.i32(s.prepared().prepares().size());
            w.bytes(Codec.encodeSigned(s.prepared().prePrepare()));
            for (Signed p : s.prepared().prepares()) {
                w.bytes(Codec.encodeSigned(p));
            }
        }
        return w.toBytes();
    }

    public static Decoded<SlotRecord> decodeSlot(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            long view = r.u63();
            Signed pp = optional(r, MessageType.PRE_PREPARE);
            Signed prep = optional(r, MessageType.PREPARE);
            Signed commit = optional(r, MessageType.COMMIT);
            int n = r.i32();
            PreparedCert cert = null;
            if (n >= 0) {
                Signed certPp = signed(r.bytes(MAX), MessageType.PRE_PREPARE);
                List<Signed> prepares = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    prepares.add(signed(r.bytes(MAX), MessageType.PREPARE));
                }
                cert = new PreparedCert(certPp, List.copyOf(prepares));
            }
            r.expectEnd();
            return new Decoded.Ok<>(new SlotRecord(view, pp, prep, commit, cert));
        } catch (MalformedMessageException e) {
            return new Decoded.Malformed<>(e.getMessage());
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>(e.toString());
        }
    }

    public static byte[] encodeCheckpoint(StableCheckpoint c) {
        ByteWriter w = new ByteWriter(c.snapshot().length + 512);
        w.i64(c.seq()).digest(c.digest()).i32(c.proof().size());
        for (Signed s : c.proof()) {
            w.bytes(Codec.encodeSigned(s));
        }
        return w.bytes(c.snapshot()).toBytes();
    }

    public static Decoded<StableCheckpoint> decodeCheckpoint(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            long seq = r.u63();
            var digest = r.digest();
            int n = r.count(4096);
            List<Signed> proof = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                proof.add(signed(r.bytes(MAX), MessageType.CHECKPOINT));
            }
            byte[] snapshot = r.bytes(MAX);
            r.expectEnd();
            return new Decoded.Ok<>(new StableCheckpoint(seq, digest, proof, snapshot));
        } catch (MalformedMessageException e) {
            return new Decoded.Malformed<>(e.getMessage());
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>(e.toString());
        }
    }

    private static void optional(ByteWriter w, Signed s) {
        if (s == null) {
            w.i32(-1);
        } else {
            w.bytes(Codec.encodeSigned(s));
        }
    }

    private static Signed optional(ByteReader r, int type) throws MalformedMessageException {
        int len = r.i32();
        if (len == -1) {
            return null;
        }
        if (len < 0) {
            throw new MalformedMessageException("negative length");
        }
        return signed(r.raw(len), type);
    }

    private static Signed signed(byte[] bytes, int type) throws MalformedMessageException {
        Decoded<Signed> d = Codec.decodeSigned(bytes);
        if (d instanceof Decoded.Ok<Signed> ok && ok.value().type() == type) {
            return ok.value();
        }
        throw new MalformedMessageException("stored " + MessageType.name(type) + " unreadable");
    }
}
