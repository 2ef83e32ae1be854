package org.bftswarm.consensus.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bftswarm.consensus.core.PersistOp;

/**
 * Of several writes of one slot in one group commit only the last counts (a SaveSlot replaces the
 * slot's record): both durable logs write just that one.
 */
final class SupersededSlotWrites {
    private final Map<Long, Integer> lastWriteOfSlot = new HashMap<>();

    SupersededSlotWrites(List<PersistOp> ops) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) instanceof PersistOp.SaveSlot s) {
                lastWriteOfSlot.put(s.seq(), i);
            }
        }
    }

    /** Whether op {@code index}, a write of slot {@code seq}, is that slot's last write in the group. */
    boolean isLast(long seq, int index) {
        return lastWriteOfSlot.get(seq) == index;
    }
}
