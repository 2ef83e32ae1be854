package org.bftswarm.state.crdt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked reader for {@link CanonicalWriter} output. Every read validates the remaining
 * length first and reports problems as {@link MalformedBytesException}; it never throws unchecked
 * exceptions on hostile input.
 */
public final class CanonicalReader {
    private final byte[] buf;
    private int pos;

    public CanonicalReader(byte[] buf) {
        this.buf = buf == null ? new byte[0] : buf;
    }

    private void need(int n, String what) throws MalformedBytesException {
        if (n < 0 || buf.length - pos < n) {
            throw new MalformedBytesException("truncated input reading " + what + " at offset " + pos);
        }
    }

    public int readByte(String what) throws MalformedBytesException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    public int readInt(String what) throws MalformedBytesException {
        need(4, what);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readLong(String what) throws MalformedBytesException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public byte[] readBytes(String what, int maxLength) throws MalformedBytesException {
        int len = readInt(what + " length");
        if (len < 0 || len > maxLength) {
            throw new MalformedBytesException(what + " length " + len + " outside 0.." + maxLength);
        }
        need(len, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    public String readString(String what, int maxBytes) throws MalformedBytesException {
        byte[] raw = readBytes(what, maxBytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBytesException(what + " is not valid UTF-8");
        }
    }

    /** Whether every byte has been read (for encodings that grew an optional trailing field). */
    public boolean atEnd() {
        return pos == buf.length;
    }

    public void expectEnd(String what) throws MalformedBytesException {
        if (pos != buf.length) {
            throw new MalformedBytesException((buf.length - pos) + " trailing bytes after " + what);
        }
    }
}
