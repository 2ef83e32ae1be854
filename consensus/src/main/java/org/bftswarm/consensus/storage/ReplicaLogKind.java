package org.bftswarm.consensus.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Which durable log a replica keeps. {@link #JOURNAL} (default): slots in an append-only journal,
 * checkpoints in MapDB ({@link JournalReplicaLog}). {@link #MAPDB}: everything in MapDB transactions
 * ({@link MapDbReplicaLog}; slower: MapDB forces its write-ahead log at every commit), kept to compare.
 */
public enum ReplicaLogKind {
    JOURNAL,
    MAPDB;

    /**
     * Opens this kind of log under {@code base} (a path without extension; the files are
     * {@code base.journal} + {@code base.checkpoint.db}, or {@code base.db}).
     */
    public ReplicaLog open(Path base, boolean mmap, boolean fsync) throws IOException {
        String name = base.getFileName().toString();
        return switch (this) {
            case JOURNAL ->
                JournalReplicaLog.open(
                        base.resolveSibling(name + ".journal"), base.resolveSibling(name + ".checkpoint.db"), fsync);
            case MAPDB -> MapDbReplicaLog.open(base.resolveSibling(name + ".db"), mmap, fsync);
        };
    }
}
