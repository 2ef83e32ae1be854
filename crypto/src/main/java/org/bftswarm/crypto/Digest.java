package org.bftswarm.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 digest (FIPS 180-4) with value equality and unsigned lexicographic order,
 * so digests can key sorted (deterministic) maps. Instances are immutable: bytes are copied in
 * and out.
 */
public final class Digest implements Comparable<Digest> {
    /** Length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;
    /** The all-zero digest, used as "no state yet". */
    public static final Digest ZERO = new Digest(new byte[LENGTH]);

    private final byte[] raw;

    private Digest(byte[] raw) {
        this.raw = raw;
    }

    /** SHA-256 of all of {@code data}. */
    public static Digest sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    /** SHA-256 of {@code buf[off, off+len)}. */
    public static Digest sha256(byte[] buf, int off, int len) {
        MessageDigest md = newSha256();
        md.update(buf, off, len);
        return new Digest(md.digest());
    }

    /** Wraps (a copy of) exactly 32 raw digest bytes; throws IllegalArgumentException otherwise. */
    public static Digest wrap(byte[] raw32) {
        if (raw32 == null || raw32.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a SHA-256 digest is " + LENGTH + " bytes, got " + (raw32 == null ? "null" : raw32.length));
        }
        return new Digest(raw32.clone());
    }

    /** Parses 64 hex characters (either case); throws IllegalArgumentException otherwise. */
    public static Digest fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is " + 2 * LENGTH + " hex characters");
        }
        return new Digest(HexFormat.of().parseHex(hex));
    }

    /** A fresh SHA-256 MessageDigest (every JDK must provide SHA-256). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A copy of the 32 digest bytes. */
    public byte[] bytes() {
        return raw.clone();
    }

    /** Lower-case hex, 64 characters. */
    public String hex() {
        return HexFormat.of().formatHex(raw);
    }

    /** The first 8 hex characters, for logs. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public int compareTo(Digest other) {
        return Arrays.compareUnsigned(raw, other.raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && MessageDigest.isEqual(raw, d.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Digest[" + hex() + "]";
    }
}
