package org.bftswarm.consensus.storage;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.ByteReader;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.MalformedMessageException;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.SlotRecord;
import org.bftswarm.consensus.core.StableCheckpoint;

/**
 * Byte layout of the durable log's records (slot records and the stable checkpoint's header). Signed
 * messages are stored in the core's canonical signed encoding, so what is replayed after a restart is
 * byte-for-byte what the replica signed (Castro &amp; Liskov TOCS 2002, section 4.3).
 */
final class ReplicaLogCodec {
    private static final int MAX_SIGNED_BYTES = 64 * 1024 * 1024;
    private static final int MAX_LIST = 4096;

    private ReplicaLogCodec() {}

    /** Presence flag: the pre-prepare is stored once, in the pre-prepare table under the slot's seq. */
    private static final int IN_PRE_PREPARE_TABLE = 2;

    /**
     * Encodes a slot; its pre-prepare (which holds the whole batch) is not repeated here when
     * {@code prePrepareInTable} is set, and the prepared certificate's pre-prepare is not repeated when
     * it is the slot's own, so a slot rewritten at each protocol step does not rewrite its batch.
     */
    static byte[] encodeSlot(SlotRecord slot, boolean prePrepareInTable) {
        ByteWriter w = new ByteWriter(512);
        w.i64(slot.view());
        if (slot.prePrepare() != null && prePrepareInTable) {
            w.i32(IN_PRE_PREPARE_TABLE);
        } else {
            writeOptional(w, slot.prePrepare());
        }
        writeOptional(w, slot.myPrepare());
        writeOptional(w, slot.myCommit());
        PreparedCert cert = slot.prepared();
        if (cert == null) {
            w.i32(0);
        } else if (prePrepareInTable && cert.prePrepare().equals(slot.prePrepare())) {
            w.i32(IN_PRE_PREPARE_TABLE);
            writeList(w, cert.prepares());
        } else {
            w.i32(1);
            w.bytes(Codec.encodeSigned(cert.prePrepare()));
            writeList(w, cert.prepares());
        }
        return w.toBytes();
    }

    static byte[] encodePrePrepare(Signed prePrepare) {
        return Codec.encodeSigned(prePrepare);
    }

    static Signed decodePrePrepare(byte[] bytes) throws MalformedMessageException {
        return decodeSigned(bytes);
    }

    /** Decodes a slot; {@code tablePrePrepare} is the pre-prepare table's entry for its seq (or null). */
    static SlotRecord decodeSlot(byte[] bytes, Signed tablePrePrepare) throws MalformedMessageException {
        ByteReader r = new ByteReader(bytes);
        long view = r.i64();
        Signed pp = readPossiblyInTable(r, tablePrePrepare);
        Signed prepare = readOptional(r);
        Signed commit = readOptional(r);
        PreparedCert cert = null;
        int certFlag = r.i32();
        if (certFlag == 1) {
            Signed certPp = readSigned(r);
            cert = new PreparedCert(certPp, readList(r));
        } else if (certFlag == IN_PRE_PREPARE_TABLE) {
            if (tablePrePrepare == null) {
                throw new MalformedMessageException("slot refers to a missing pre-prepare");
            }
            cert = new PreparedCert(tablePrePrepare, readList(r));
        } else if (certFlag != 0) {
            throw new MalformedMessageException("bad presence flag " + certFlag);
        }
        r.expectEnd();
        return new SlotRecord(view, pp, prepare, commit, cert);
    }

    private static Signed readPossiblyInTable(ByteReader r, Signed tablePrePrepare) throws MalformedMessageException {
        int f = r.i32();
        if (f == IN_PRE_PREPARE_TABLE) {
            if (tablePrePrepare == null) {
                throw new MalformedMessageException("slot refers to a missing pre-prepare");
            }
            return tablePrePrepare;
        }
        if (f == 1) {
            return readSigned(r);
        }
        if (f != 0) {
            throw new MalformedMessageException("bad presence flag " + f);
        }
        return null;
    }

    /** The checkpoint without its snapshot (stored separately, it can be large). */
    static byte[] encodeCheckpointHeader(StableCheckpoint cp) {
        ByteWriter w = new ByteWriter(1024);
        w.i64(cp.seq());
        w.digest(cp.digest());
        writeList(w, cp.proof());
        return w.toBytes();
    }

    static StableCheckpoint decodeCheckpoint(byte[] header, byte[] snapshot) throws MalformedMessageException {
        ByteReader r = new ByteReader(header);
        long seq = r.i64();
        var digest = r.digest();
        List<Signed> proof = readList(r);
        r.expectEnd();
        return new StableCheckpoint(seq, digest, proof, snapshot == null ? new byte[0] : snapshot);
    }

    private static void writeOptional(ByteWriter w, Signed s) {
        w.i32(s == null ? 0 : 1);
        if (s != null) {
            w.bytes(Codec.encodeSigned(s));
        }
    }

    private static void writeList(ByteWriter w, List<Signed> list) {
        w.i32(list.size());
        for (Signed s : list) {
            w.bytes(Codec.encodeSigned(s));
        }
    }

    private static boolean flag(ByteReader r) throws MalformedMessageException {
        int f = r.i32();
        if (f != 0 && f != 1) {
            throw new MalformedMessageException("bad presence flag " + f);
        }
        return f == 1;
    }

    private static Signed readOptional(ByteReader r) throws MalformedMessageException {
        return flag(r) ? readSigned(r) : null;
    }

    private static List<Signed> readList(ByteReader r) throws MalformedMessageException {
        int n = r.count(MAX_LIST);
        List<Signed> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readSigned(r));
        }
        return out;
    }

    private static Signed readSigned(ByteReader r) throws MalformedMessageException {
        return decodeSigned(r.bytes(MAX_SIGNED_BYTES));
    }

    private static Signed decodeSigned(byte[] bytes) throws MalformedMessageException {
        Decoded<Signed> d = Codec.decodeSigned(bytes);
        if (d instanceof Decoded.Ok<Signed> ok) {
            return ok.value();
        }
        throw new MalformedMessageException(((Decoded.Malformed<Signed>) d).reason());
    }
}
