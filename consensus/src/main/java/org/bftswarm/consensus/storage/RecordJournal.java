package org.bftswarm.consensus.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.bftswarm.crypto.Invariants;

/**
 * An append-only file of checksummed records, the write path of the replica's durable log.
 *
 * <p>Frame: {@code [int length of type+payload][int CRC32C of type+payload][byte type][payload]}.
 * An {@link #append} is one {@code write} of every record of a group commit: once it returns, the
 * bytes are in the kernel's page cache and survive the process being killed with SIGKILL;
 * {@link #force} also makes them survive a power cut. On open, a record
 * cut short at the very end of the file (a write interrupted by the kill) is truncated away, while a
 * record whose checksum fails in the middle is corruption and refuses to open, naming the offset:
 * silently dropping later records could make a restarted replica contradict what it signed.
 * Not thread-safe: owned by one thread.
 */
final class RecordJournal implements AutoCloseable {
    static final int MAX_RECORD_BYTES = 256 * 1024 * 1024;
    private static final int HEADER = 8;

    /** One record: a type tag chosen by the caller and its payload. */
    record Entry(byte type, byte[] payload) {}

    private final Path file;
    private FileChannel channel;
    private long size;

    private RecordJournal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if absent) and replays every intact record, in order, into {@code replay}. */
    static RecordJournal open(Path file, Consumer<Entry> replay) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long end = replay(file, ch, replay);
            if (end < ch.size()) {
                ch.truncate(end);
            }
            ch.position(end);
            return new RecordJournal(file, ch, end);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Returns the offset just past the last intact record. */
    private static long replay(Path file, FileChannel ch, Consumer<Entry> replay) throws IOException {
        long fileSize = ch.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos < fileSize) {
            if (fileSize - pos < HEADER) {
                return pos; // torn header at the tail
            }
            header.clear();
            readFully(ch, header, pos);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length == 0 && zerosFrom(ch, pos, fileSize)) {
                return pos; // pre-allocated zeros after the last record
            }
            if (length < 1 || length > MAX_RECORD_BYTES) {
                throw corrupt(file, pos, "impossible record length " + length);
            }
            if (pos + HEADER + length > fileSize) {
                return pos; // torn payload at the tail
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(ch, body, pos + HEADER);
            byte[] bytes = body.array();
            if (crc32c(bytes, 0, length) != crc) {
                throw corrupt(file, pos, "checksum mismatch");
            }
            byte[] payload = new byte[length - 1];
            System.arraycopy(bytes, 1, payload, 0, payload.length);
            replay.accept(new Entry(bytes[0], payload));
            pos += HEADER + length;
        }
        return pos;
    }

    private static boolean zerosFrom(FileChannel ch, long pos, long fileSize) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (long p = pos; p < fileSize; ) {
            buf.clear();
            int n = ch.read(buf, p);
            if (n <= 0) {
                return true;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) != 0) {
                    return false;
                }
            }
            p += n;
        }
        return true;
    }

    private static IOException corrupt(Path file, long offset, String what) {
        return new IOException("corrupt durable log " + file + " at byte " + offset + ": " + what
                + " (not a torn tail; refusing to start rather than forget what this replica signed)");
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
        }
    }

    private static int crc32c(byte[] bytes, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(bytes, off, len);
        return (int) c.getValue();
    }

    static byte[] frame(List<Entry> entries) {
        int total = 0;
        for (Entry e : entries) {
            Invariants.check(e.payload().length + 1 <= MAX_RECORD_BYTES, "record of %s bytes", e.payload().length);
            total += HEADER + 1 + e.payload().length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (Entry e : entries) {
            int length = 1 + e.payload().length;
            int at = out.position();
            out.putInt(length).putInt(0).put(e.type()).put(e.payload());
            out.putInt(at + 4, crc32c(out.array(), at + HEADER, length));
        }
        return out.array();
    }

    /** Appends the records with one write; in the page cache (SIGKILL-safe) when this returns. */
    void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(frame(entries));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        size += buf.capacity();
    }

    /** Forces appended records to the device (power-loss durability). */
    void force() throws IOException {
        channel.force(false);
    }

    /**
     * Replaces the whole journal by {@code entries} atomically: written to a sibling file, forced, then
     * renamed over the journal, so a kill at any point leaves either the old or the new journal.
     */
    void rewrite(List<Entry> entries) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        byte[] bytes = frame(entries);
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(false);
        }
        channel.close();
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        size = channel.size();
    }

    long size() {
        return size;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
