package org.bftswarm.consensus.core;

import java.util.List;
import java.util.TreeMap;

/** A {@link DurableStore} in memory: survives a simulated crash because the simulator keeps it. */
public final class InMemoryDurableStore implements DurableStore {
    private long view;
    private StableCheckpoint stable;
    private final TreeMap<Long, SlotRecord> slots = new TreeMap<>();
    private final TreeMap<Long, byte[]> ownCheckpoints = new TreeMap<>();
    private long writes;

    @Override
    public void apply(List<PersistOp> ops) {
        for (PersistOp op : ops) {
            writes++;
            if (op instanceof PersistOp.SaveView v) {
                view = v.view();
            } else if (op instanceof PersistOp.SaveSlot s) {
                if (stable == null || s.seq() > stable.seq()) {
                    slots.put(s.seq(), s.slot());
                }
            } else if (op instanceof PersistOp.SaveStableCheckpoint c) {
                if (stable == null || c.checkpoint().seq() > stable.seq()) {
                    stable = c.checkpoint();
                    slots.headMap(stable.seq(), true).clear();
                    ownCheckpoints.headMap(stable.seq(), true).clear();
                }
            } else if (op instanceof PersistOp.SaveOwnCheckpoint c) {
                if (stable == null || c.seq() > stable.seq()) {
                    ownCheckpoints.put(c.seq(), c.snapshot().clone());
                }
            }
        }
    }

    @Override
    public PersistedState load() {
        return new PersistedState(view, stable, slots, ownCheckpoints);
    }

    public long writes() {
        return writes;
    }
}
