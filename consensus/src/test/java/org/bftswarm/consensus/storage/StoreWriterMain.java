package org.bftswarm.consensus.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Child-process body for the kill -9 test: commits one transaction per round (a log record plus the
 * "last" singleton), prints the round number only after its commit returned, and never stops by itself.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {}

    public static void main(String[] args) throws Exception {
        try (MapDbStore store =
                MapDbStore.open(Path.of(args[0]), Boolean.parseBoolean(args[1]), Boolean.parseBoolean(args[2]))) {
            byte[] last = store.getMeta("last");
            long round = last == null ? 0 : ByteBuffer.wrap(last).getLong() + 1;
            for (; ; round++) {
                store.rollback(); // discards the previous round's uncommitted write
                store.put("log", round, ByteBuffer.allocate(64).putLong(round).array());
                // staged but in the same transaction: the pair is durable together or not at all
                store.putMeta("last", ByteBuffer.allocate(8).putLong(round).array());
                store.commit();
                System.out.println("COMMITTED " + round);
                System.out.flush();
                // an uncommitted write that must never survive a kill
                store.put("log", round + 1_000_000_000L, new byte[8]);
            }
        }
    }
}
