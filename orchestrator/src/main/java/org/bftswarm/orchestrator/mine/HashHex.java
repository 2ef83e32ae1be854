package org.bftswarm.orchestrator.mine;

import java.util.HexFormat;

/**
 * Hashes as Bitcoin shows them: 64 hex digits of the 32 bytes in reverse order (the internal,
 * hashed order is little-endian; the displayed form reads as a big-endian number, so a hash with
 * leading zero digits is a small one). Previous-block hashes and merkle roots are given and shown in
 * this displayed form.
 */
public final class HashHex {
    private static final HexFormat HEX = HexFormat.of();

    private HashHex() {}

    /** Whether {@code s} is exactly 64 hex digits. */
    public static boolean isHash(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The internal byte order of a displayed hash; IllegalArgumentException unless 64 hex digits. */
    public static byte[] internal(String displayed) {
        if (!isHash(displayed)) {
            throw new IllegalArgumentException("not 64 hex digits: " + displayed);
        }
        return reversed(HEX.parseHex(displayed));
    }

    /** The displayed form of a hash in internal byte order. */
    public static String displayed(byte[] internal) {
        return HEX.formatHex(reversed(internal));
    }

    static byte[] reversed(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }
}
