package org.bftswarm.orchestrator.mine;

import java.math.BigInteger;

/**
 * The target a block hash must meet: the displayed hash, read as a 256-bit big-endian number, is at
 * most the target. From {@code bits} (Bitcoin's compact form: exponent byte E and 23-bit mantissa M,
 * target = M * 256^(E-3); the sign bit set, a zero target or one above 2^256-1 are refused) or from a
 * count of leading zero hex digits N (target 16^(64-N) - 1, so exactly the hashes shown with N
 * leading zeros meet it).
 */
public final class MiningTarget {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    /** The target as 32 big-endian bytes, compared with the displayed hash. */
    private final byte[] bigEndian;

    private MiningTarget(BigInteger target) {
        byte[] raw = target.toByteArray();
        bigEndian = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, bigEndian, 32 - copy, copy);
    }

    /** The target of compact {@code bits}; IllegalArgumentException naming why it is unusable. */
    public static MiningTarget fromBits(int bits) {
        String problem = bitsProblem(bits);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new MiningTarget(decode(bits));
    }

    /** Why compact {@code bits} give no usable target, or null. */
    public static String bitsProblem(int bits) {
        if ((bits & 0x0080_0000) != 0) {
            return "the mantissa's sign bit is set (a negative target)";
        }
        BigInteger t = decode(bits);
        if (t.signum() == 0) {
            return "the target is zero";
        }
        if (t.compareTo(MAX) > 0) {
            return "the target overflows 256 bits";
        }
        return null;
    }

    private static BigInteger decode(int bits) {
        int exponent = (bits >>> 24) & 0xff;
        long mantissa = bits & 0x007f_ffffL;
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    }

    /** The target written as 64 hex digits ({@link #hex}). */
    public static MiningTarget ofHex(String hex) {
        if (!HashHex.isHash(hex)) {
            throw new IllegalArgumentException("a target is 64 hex digits, got " + hex);
        }
        return new MiningTarget(new BigInteger(hex, 16));
    }

    /** The target met exactly by hashes shown with at least {@code zeros} leading zero hex digits (1..64). */
    public static MiningTarget leadingZeros(int zeros) {
        if (zeros < 1 || zeros > 64) {
            throw new IllegalArgumentException("zeros must be 1..64, got " + zeros);
        }
        return new MiningTarget(BigInteger.ONE.shiftLeft(4 * (64 - zeros)).subtract(BigInteger.ONE));
    }

    /** Whether a hash in internal byte order meets the target (compared from its last byte, the most significant). */
    public boolean isMetBy(byte[] internalHash) {
        for (int i = 0; i < 32; i++) {
            int h = internalHash[31 - i] & 0xff;
            int t = bigEndian[i] & 0xff;
            if (h != t) {
                return h < t;
            }
        }
        return true;
    }

    /** Expected hashes to find a solution: 2^256 / (target + 1). */
    public double expectedHashes() {
        return Math.pow(2, 256)
                / new BigInteger(1, bigEndian).add(BigInteger.ONE).doubleValue();
    }

    /** The target as 64 hex digits. */
    public String hex() {
        return HashHex.displayed(HashHex.reversed(bigEndian));
    }
}
