package org.bftswarm.consensus.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.MalformedMessageException;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.PersistedState;
import org.bftswarm.consensus.core.SlotRecord;
import org.bftswarm.consensus.core.StableCheckpoint;

/**
 * The replica's durable log (Castro &amp; Liskov TOCS 2002, section 4.3: what a
 * replica signed is logged before it is sent, so after a restart it never contradicts itself), split
 * by write rate:
 * <ul>
 *   <li>the hot part — view and the pre-prepare, prepare, commit and certificates of every live slot —
 *       goes to a {@link RecordJournal}: one append (one {@code write}, no page copy, no fsync unless
 *       asked) per group commit, which survives SIGKILL;</li>
 *   <li>the snapshot of each checkpoint this replica signs, and the stable checkpoint with its
 *       snapshot, each written once every K sequence numbers, go to MapDB ({@link MapDbStore}, one
 *       transaction each); own checkpoints at or below the stable one are deleted with it.</li>
 * </ul>
 * MapDB 3.1 forces its write-ahead log at every commit whatever the settings, which cost 1.2-8.7 ms a
 * commit here, three commits per batch on the critical path; the journal costs tens of microseconds.
 * The journal is compacted (rewritten with only the view and the slots above the stable checkpoint)
 * when it outgrows {@code compactAtBytes}. Not thread-safe: owned by the runtime's persistence thread.
 */
public final class JournalReplicaLog implements ReplicaLog {
    private static final byte VIEW = 1;
    private static final byte PRE_PREPARE = 2;
    private static final byte SLOT = 3;
    private static final String STABLE = "stable";
    private static final String STABLE_SNAPSHOT = "stable.snapshot";
    private static final String OWN_CHECKPOINTS = "own.checkpoints";

    private final RecordJournal journal;
    private final MapDbStore checkpoints;
    private final boolean fsync;
    private final long compactAtBytes;
    private long view;
    private long stableSeq = -1;
    /** Encoded records of every slot above the stable checkpoint: what a compaction keeps. */
    private final TreeMap<Long, byte[]> liveSlots = new TreeMap<>();

    private final TreeMap<Long, byte[]> livePrePrepares = new TreeMap<>();
    /** The pre-prepare last journaled per seq, so a slot's batch is written once, not at every step. */
    private final TreeMap<Long, Signed> writtenPrePrepares = new TreeMap<>();

    private long commits;
    private long compactions;

    private JournalReplicaLog(Path journalFile, MapDbStore checkpoints, boolean fsync, long compactAtBytes)
            throws IOException {
        this.checkpoints = checkpoints;
        this.fsync = fsync;
        this.compactAtBytes = compactAtBytes;
        byte[] header = checkpoints.getMeta(STABLE);
        if (header != null) {
            stableSeq = ByteBuffer.wrap(header).getLong();
        }
        this.journal = RecordJournal.open(journalFile, this::replay);
        liveSlots.headMap(stableSeq, true).clear();
        livePrePrepares.headMap(stableSeq, true).clear();
    }

    /**
     * Opens the log whose journal is {@code journalFile} and whose checkpoints live in the MapDB file
     * {@code checkpointFile}. {@code fsync}: also force the journal at every group commit (power-loss
     * durability; SIGKILL durability needs no force).
     */
    public static JournalReplicaLog open(Path journalFile, Path checkpointFile, boolean fsync, long compactAtBytes)
            throws IOException {
        MapDbStore store = MapDbStore.open(checkpointFile, true, fsync);
        try {
            return new JournalReplicaLog(journalFile, store, fsync, compactAtBytes);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public static JournalReplicaLog open(Path journalFile, Path checkpointFile, boolean fsync) throws IOException {
        return open(journalFile, checkpointFile, fsync, 32L * 1024 * 1024);
    }

    private void replay(RecordJournal.Entry e) {
        ByteBuffer b = ByteBuffer.wrap(e.payload());
        switch (e.type()) {
            case VIEW -> view = b.getLong();
            case PRE_PREPARE -> livePrePrepares.put(b.getLong(), e.payload());
            case SLOT -> liveSlots.put(b.getLong(), e.payload());
            default -> throw new IllegalStateException("unknown record type " + e.type() + " in " + journal());
        }
    }

    private String journal() {
        return journal == null ? "the journal" : journal.file().toString();
    }

    @Override
    public void apply(List<PersistOp> ops) {
        if (ops.isEmpty()) {
            return;
        }
        SupersededSlotWrites slotWrites = new SupersededSlotWrites(ops);
        List<RecordJournal.Entry> entries = new ArrayList<>();
        try {
            for (int i = 0; i < ops.size(); i++) {
                PersistOp op = ops.get(i);
                if (op instanceof PersistOp.SaveView v) {
                    view = v.view();
                    entries.add(new RecordJournal.Entry(
                            VIEW, ByteBuffer.allocate(8).putLong(v.view()).array()));
                } else if (op instanceof PersistOp.SaveSlot s) {
                    if (s.seq() > stableSeq && slotWrites.isLast(s.seq(), i)) {
                        journalSlot(s.seq(), s.slot(), entries);
                    }
                } else if (op instanceof PersistOp.SaveStableCheckpoint c
                        && c.checkpoint().seq() > stableSeq) {
                    journal.append(entries); // in op order: what came before the checkpoint is written first
                    entries.clear();
                    saveCheckpoint(c.checkpoint());
                } else if (op instanceof PersistOp.SaveOwnCheckpoint c && c.seq() > stableSeq) {
                    checkpoints.put(OWN_CHECKPOINTS, c.seq(), c.snapshot().clone());
                    checkpoints.commit();
                }
            }
            journal.append(entries);
            if (fsync) {
                journal.force();
            }
            commits++;
            if (journal.size() > compactAtBytes) {
                compact();
            }
        } catch (IOException e) {
            writtenPrePrepares.clear(); // unknown what reached the file: write pre-prepares again from now on
            throw new UncheckedIOException("durable log " + journal.file() + ": " + e.getMessage(), e);
        }
    }

    private void journalSlot(long seq, SlotRecord slot, List<RecordJournal.Entry> entries) {
        Signed pp = slot.prePrepare();
        if (pp != null) {
            Signed written = writtenPrePrepares.get(seq);
            if (written != pp && !pp.equals(written)) {
                byte[] rec = withSeq(seq, ReplicaLogCodec.encodePrePrepare(pp));
                entries.add(new RecordJournal.Entry(PRE_PREPARE, rec));
                livePrePrepares.put(seq, rec);
                writtenPrePrepares.put(seq, pp);
            }
        }
        byte[] rec = withSeq(seq, ReplicaLogCodec.encodeSlot(slot, pp != null));
        entries.add(new RecordJournal.Entry(SLOT, rec));
        liveSlots.put(seq, rec);
    }

    private void saveCheckpoint(StableCheckpoint cp) {
        checkpoints.putMeta(STABLE, ReplicaLogCodec.encodeCheckpointHeader(cp));
        checkpoints.putMeta(STABLE_SNAPSHOT, cp.snapshot().clone());
        checkpoints.removeBelow(OWN_CHECKPOINTS, cp.seq() + 1);
        checkpoints.commit();
        stableSeq = cp.seq();
        liveSlots.headMap(stableSeq, true).clear();
        livePrePrepares.headMap(stableSeq, true).clear();
        writtenPrePrepares.headMap(stableSeq, true).clear();
    }

    /** Rewrites the journal with only what a restart needs: the view and the slots above the stable checkpoint. */
    private void compact() throws IOException {
        List<RecordJournal.Entry> keep = new ArrayList<>();
        keep.add(new RecordJournal.Entry(
                VIEW, ByteBuffer.allocate(8).putLong(view).array()));
        livePrePrepares.values().forEach(rec -> keep.add(new RecordJournal.Entry(PRE_PREPARE, rec)));
        liveSlots.values().forEach(rec -> keep.add(new RecordJournal.Entry(SLOT, rec)));
        journal.rewrite(keep);
        compactions++;
    }

    private static byte[] withSeq(long seq, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putLong(seq).put(body).array();
    }

    private static byte[] body(byte[] rec) {
        byte[] out = new byte[rec.length - 8];
        System.arraycopy(rec, 8, out, 0, out.length);
        return out;
    }

    @Override
    public PersistedState load() {
        try {
            StableCheckpoint stable = null;
            byte[] header = checkpoints.getMeta(STABLE);
            if (header != null) {
                stable = ReplicaLogCodec.decodeCheckpoint(header, checkpoints.getMeta(STABLE_SNAPSHOT));
            }
            TreeMap<Long, SlotRecord> slots = new TreeMap<>();
            for (Map.Entry<Long, byte[]> e : liveSlots.entrySet()) {
                if (e.getKey() > stableSeq) {
                    byte[] ppRec = livePrePrepares.get(e.getKey());
                    Signed pp = ppRec == null ? null : ReplicaLogCodec.decodePrePrepare(body(ppRec));
                    slots.put(e.getKey(), ReplicaLogCodec.decodeSlot(body(e.getValue()), pp));
                }
            }
            TreeMap<Long, byte[]> own = new TreeMap<>();
            for (Map.Entry<Long, byte[]> e : checkpoints.scan(OWN_CHECKPOINTS).entrySet()) {
                if (e.getKey() > stableSeq) {
                    own.put(e.getKey(), e.getValue());
                }
            }
            return new PersistedState(view, stable, slots, own);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("corrupt durable log " + journal.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long commits() {
        return commits;
    }

    /** Journal rewrites so far. */
    public long compactions() {
        return compactions;
    }

    /** Current journal size in bytes. */
    public long journalBytes() {
        return journal.size();
    }

    @Override
    public void close() {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            checkpoints.close();
        }
    }
}
