package org.bftswarm.consensus.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
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
 * The core's {@link DurableStore} all in MapDB ({@link ReplicaLogKind#MAPDB}: slower than the default
 * {@link JournalReplicaLog}, kept to compare): one {@link #apply} is one MapDB
 * transaction, committed before it returns, so the runtime can persist a whole outbox drain and only
 * then let its messages leave. Slots and the snapshots of own checkpoints are garbage-collected at
 * each new stable checkpoint (PBFT section 4.3). A slot's pre-prepare (its whole batch) is written once to its
 * own table rather
 * than with every rewrite of the slot, and of several writes of one slot in one transaction only the
 * last is written. Not thread-safe: owned by one thread.
 */
public final class MapDbReplicaLog implements ReplicaLog {
    private static final String SLOTS = "slots";
    private static final String PRE_PREPARES = "preprepares";
    private static final String VIEW = "view";
    private static final String STABLE = "stable";
    private static final String STABLE_SNAPSHOT = "stable.snapshot";
    private static final String OWN_CHECKPOINTS = "own.checkpoints";

    private final MapDbStore store;
    private long stableSeq = -1;
    /** The pre-prepare last written to the pre-prepare table per seq (so it is written once, not per step). */
    private final TreeMap<Long, Signed> writtenPrePrepares = new TreeMap<>();

    private MapDbReplicaLog(MapDbStore store) {
        this.store = store;
        byte[] header = store.getMeta(STABLE);
        if (header != null) {
            stableSeq = ByteBuffer.wrap(header).getLong();
        }
    }

    /**
     * {@code fsync}: also force the store file at each commit (see {@link MapDbStore#open(Path, boolean, boolean)}).
     */
    public static MapDbReplicaLog open(Path file, boolean mmap, boolean fsync) throws IOException {
        return new MapDbReplicaLog(MapDbStore.open(file, mmap, fsync));
    }

    public static MapDbReplicaLog open(Path file, boolean mmap) throws IOException {
        return open(file, mmap, true);
    }

    @Override
    public void apply(List<PersistOp> ops) {
        if (ops.isEmpty()) {
            return;
        }
        SupersededSlotWrites slotWrites = new SupersededSlotWrites(ops);
        for (int i = 0; i < ops.size(); i++) {
            PersistOp op = ops.get(i);
            if (op instanceof PersistOp.SaveView v) {
                store.putMeta(VIEW, ByteBuffer.allocate(8).putLong(v.view()).array());
            } else if (op instanceof PersistOp.SaveSlot s) {
                if (s.seq() > stableSeq && slotWrites.isLast(s.seq(), i)) {
                    saveSlot(s.seq(), s.slot());
                }
            } else if (op instanceof PersistOp.SaveStableCheckpoint c) {
                StableCheckpoint cp = c.checkpoint();
                if (cp.seq() > stableSeq) {
                    stableSeq = cp.seq();
                    store.putMeta(STABLE, ReplicaLogCodec.encodeCheckpointHeader(cp));
                    store.putMeta(STABLE_SNAPSHOT, cp.snapshot().clone());
                    store.removeBelow(SLOTS, cp.seq() + 1);
                    store.removeBelow(PRE_PREPARES, cp.seq() + 1);
                    store.removeBelow(OWN_CHECKPOINTS, cp.seq() + 1);
                    writtenPrePrepares.headMap(cp.seq(), true).clear();
                }
            } else if (op instanceof PersistOp.SaveOwnCheckpoint c) {
                if (c.seq() > stableSeq) {
                    store.put(OWN_CHECKPOINTS, c.seq(), c.snapshot().clone());
                }
            }
        }
        try {
            store.commit();
        } catch (RuntimeException e) {
            writtenPrePrepares.clear(); // unknown what reached the disk: write pre-prepares again from now on
            throw e;
        }
    }

    private void saveSlot(long seq, SlotRecord slot) {
        Signed pp = slot.prePrepare();
        if (pp != null) {
            Signed written = writtenPrePrepares.get(seq);
            if (written != pp && !pp.equals(written)) {
                store.put(PRE_PREPARES, seq, ReplicaLogCodec.encodePrePrepare(pp));
                writtenPrePrepares.put(seq, pp);
            }
        }
        store.put(SLOTS, seq, ReplicaLogCodec.encodeSlot(slot, pp != null));
    }

    @Override
    public PersistedState load() {
        byte[] v = store.getMeta(VIEW);
        long view = v == null ? 0 : ByteBuffer.wrap(v).getLong();
        try {
            StableCheckpoint stable = null;
            byte[] header = store.getMeta(STABLE);
            if (header != null) {
                stable = ReplicaLogCodec.decodeCheckpoint(header, store.getMeta(STABLE_SNAPSHOT));
            }
            TreeMap<Long, SlotRecord> slots = new TreeMap<>();
            for (Map.Entry<Long, byte[]> e : store.scan(SLOTS).entrySet()) {
                if (stable == null || e.getKey() > stable.seq()) {
                    byte[] ppBytes = store.get(PRE_PREPARES, e.getKey());
                    Signed pp = ppBytes == null ? null : ReplicaLogCodec.decodePrePrepare(ppBytes);
                    slots.put(e.getKey(), ReplicaLogCodec.decodeSlot(e.getValue(), pp));
                }
            }
            TreeMap<Long, byte[]> own = new TreeMap<>();
            for (Map.Entry<Long, byte[]> e : store.scan(OWN_CHECKPOINTS).entrySet()) {
                if (stable == null || e.getKey() > stable.seq()) {
                    own.put(e.getKey(), e.getValue());
                }
            }
            return new PersistedState(view, stable, slots, own);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("corrupt durable log " + store.file() + ": " + e.getMessage(), e);
        }
    }

    /** MapDB commits so far (one per non-empty apply). */
    @Override
    public long commits() {
        return store.commits();
    }

    @Override
    public void close() {
        store.close();
    }
}
