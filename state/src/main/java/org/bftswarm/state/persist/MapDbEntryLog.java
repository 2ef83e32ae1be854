package org.bftswarm.state.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bftswarm.state.entry.SignedEntry;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Durable local copy of the signed entries (so a restarted node resumes with
 * what it knew): a transactional MapDB B-tree from {@code EntryKey.asString()} to encoded entry bytes.
 * Reopened after a crash it holds the last commit. Entries are re-verified when loaded, so the
 * file is not trusted more than the network. Not thread-safe; one owner thread.
 */
public final class MapDbEntryLog implements AutoCloseable {
    private final DB db;
    private final BTreeMap<String, byte[]> entries;

    private MapDbEntryLog(DB db, BTreeMap<String, byte[]> entries) {
        this.db = db;
        this.entries = entries;
    }

    public static MapDbEntryLog open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create directory for " + file, e);
        }
        DB db = DBMaker.fileDB(file.toFile())
                .transactionEnable()
                .fileMmapEnableIfSupported()
                .make();
        BTreeMap<String, byte[]> map = db.treeMap("signed-entries", Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen();
        return new MapDbEntryLog(db, map);
    }

    /** Every stored encoded entry, in key order. */
    public List<byte[]> loadAll() {
        List<byte[]> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            out.add(e.getValue());
        }
        return out;
    }

    /** Stages the entry under its key; durable after {@link #commit()}. */
    public void stage(SignedEntry entry) {
        entries.put(entry.key().asString(), entry.encode());
    }

    public void commit() {
        db.commit();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.commit();
            db.close();
        }
    }
}
