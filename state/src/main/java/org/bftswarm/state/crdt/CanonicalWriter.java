package org.bftswarm.state.crdt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Canonical big-endian encoder shared by the CRDTs and signed entries: fixed-width integers,
 * length-prefixed byte strings and UTF-8 strings, so equal values always give equal bytes.
 */
public final class CanonicalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public CanonicalWriter writeByte(int b) {
        out.write(b & 0xFF);
        return this;
    }

    public CanonicalWriter writeInt(int v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((v >>> shift) & 0xFF);
        }
        return this;
    }

    public CanonicalWriter writeLong(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift) & 0xFF);
        }
        return this;
    }

    public CanonicalWriter writeBytes(byte[] bytes) {
        writeInt(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public CanonicalWriter writeString(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
