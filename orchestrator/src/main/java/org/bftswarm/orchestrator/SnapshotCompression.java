package org.bftswarm.orchestrator;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deterministic compression of snapshot bytes: raw DEFLATE (RFC 1951: no header, no timestamp, no
 * name) at the fixed level {@value #LEVEL} with the default strategy, so one input always gives the same
 * bytes on every replica and the certified checkpoint digest stays a function of the state. Inflating
 * refuses truncated or trailing input and anything that would expand past a bound, so a lying peer
 * cannot make a replica allocate without limit.
 */
final class SnapshotCompression {

    static final int LEVEL = 6;
    private static final int BUFFER = 64 * 1024;

    private SnapshotCompression() {}

    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
            byte[] buffer = new byte[BUFFER];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The inflated bytes; IllegalArgumentException if not one whole stream or larger than {@code maxBytes}. */
    static byte[] inflate(byte[] compressed, long maxBytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4 + 64, BUFFER * 16));
            byte[] buffer = new byte[BUFFER];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("snapshot is not a whole DEFLATE stream");
                }
                if (out.size() + (long) n > maxBytes) {
                    throw new IllegalArgumentException("snapshot inflates past " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new IllegalArgumentException("snapshot has bytes after its DEFLATE stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("snapshot is not DEFLATE data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
