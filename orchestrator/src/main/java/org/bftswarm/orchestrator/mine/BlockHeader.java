package org.bftswarm.orchestrator.mine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bftswarm.crypto.Invariants;

/**
 * A Bitcoin-compatible 80-byte block header: version (4 bytes little-endian), previous block hash
 * (32, internal order), merkle root (32, internal order), time (4 LE, unsigned), bits (4 LE, the
 * compact target) and nonce (4 LE, unsigned). The block hash is SHA-256(SHA-256(header)), shown
 * byte-reversed ({@link HashHex}).
 */
public record BlockHeader(int version, byte[] prevHash, byte[] merkleRoot, long time, int bits, long nonce) {

    public static final int BYTES = 80;
    /** Offset of the nonce: the first 76 bytes are fixed while a header's nonces are searched. */
    public static final int NONCE_OFFSET = 76;

    public static final long MAX_U32 = 0xFFFF_FFFFL;

    public BlockHeader {
        Invariants.check(prevHash.length == 32 && merkleRoot.length == 32, "hashes are 32 bytes");
        Invariants.check(time >= 0 && time <= MAX_U32, "time %s outside u32", time);
        Invariants.check(nonce >= 0 && nonce <= MAX_U32, "nonce %s outside u32", nonce);
        prevHash = prevHash.clone();
        merkleRoot = merkleRoot.clone();
    }

    /** A header from displayed hashes. */
    public static BlockHeader of(int version, String prev, String merkle, long time, int bits, long nonce) {
        return new BlockHeader(version, HashHex.internal(prev), HashHex.internal(merkle), time, bits, nonce);
    }

    /** The header serialised in {@code b} (80 bytes, as {@link #bytes} writes them). */
    public static BlockHeader parse(byte[] b) {
        Invariants.check(b.length == BYTES, "a header is %s bytes, got %s", BYTES, b.length);
        byte[] prev = new byte[32];
        byte[] merkle = new byte[32];
        System.arraycopy(b, 4, prev, 0, 32);
        System.arraycopy(b, 36, merkle, 0, 32);
        return new BlockHeader(
                le32(b, 0), prev, merkle, le32(b, 68) & MAX_U32, le32(b, 72), le32(b, NONCE_OFFSET) & MAX_U32);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    /** The same header with another nonce. */
    public BlockHeader withNonce(long n) {
        return new BlockHeader(version, prevHash, merkleRoot, time, bits, n);
    }

    /** The 80 serialised bytes. */
    public byte[] bytes() {
        byte[] b = new byte[BYTES];
        putLe32(b, 0, version);
        System.arraycopy(prevHash, 0, b, 4, 32);
        System.arraycopy(merkleRoot, 0, b, 36, 32);
        putLe32(b, 68, (int) time);
        putLe32(b, 72, bits);
        putLe32(b, NONCE_OFFSET, (int) nonce);
        return b;
    }

    /** The block hash in internal byte order. */
    public byte[] hash() {
        return sha256d(bytes());
    }

    /** The block hash as shown. */
    public String hashHex() {
        return HashHex.displayed(hash());
    }

    /** SHA-256 of SHA-256 of {@code data}, with the JDK's digest (the reference the fast search is checked against). */
    public static byte[] sha256d(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] first = md.digest(data);
            return md.digest(first);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
