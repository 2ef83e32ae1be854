package org.bftswarm.consensus.codec;

import org.bftswarm.crypto.Digest;

/** Bounds-checked big-endian reader; every failure is a {@link MalformedMessageException}. */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    private void need(int n) throws MalformedMessageException {
        if (n < 0 || end - pos < n) {
            throw new MalformedMessageException("truncated: need " + n + " bytes, have " + (end - pos));
        }
    }

    public int position() {
        return pos;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Bytes left to read. */
    public int remaining() {
        return end - pos;
    }

    public int i32() throws MalformedMessageException {
        need(4);
        int v = ((buf[pos] & 0xff) << 24)
                | ((buf[pos + 1] & 0xff) << 16)
                | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long i64() throws MalformedMessageException {
        long hi = i32() & 0xffffffffL;
        long lo = i32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** A non-negative long (sequence numbers, views). */
    public long u63() throws MalformedMessageException {
        long v = i64();
        if (v < 0) {
            throw new MalformedMessageException("negative value " + v);
        }
        return v;
    }

    public byte[] raw(int n) throws MalformedMessageException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Length-prefixed bytes, at most {@code max} long. */
    public byte[] bytes(int max) throws MalformedMessageException {
        int n = i32();
        if (n < 0 || n > max) {
            throw new MalformedMessageException("length " + n + " outside [0," + max + "]");
        }
        return raw(n);
    }

    public Digest digest() throws MalformedMessageException {
        return Digest.wrap(raw(Digest.LENGTH));
    }

    /** A list count in [0, max]. */
    public int count(int max) throws MalformedMessageException {
        int n = i32();
        if (n < 0 || n > max) {
            throw new MalformedMessageException("count " + n + " outside [0," + max + "]");
        }
        return n;
    }

    public void expectEnd() throws MalformedMessageException {
        if (pos != end) {
            throw new MalformedMessageException((end - pos) + " trailing bytes");
        }
    }
}
