package org.bftswarm.crypto.ed25519;

import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The one Ed25519 acceptance rule of bftswarm, applied by {@code VerifyingKey} before any provider
 * sees the bytes, so that every replica reaches the same verdict on every signature whichever
 * provider it runs. RFC 8032 section 5.1.7 leaves implementations room (cofactored or cofactorless
 * equation, strictness of point decoding) and "Taming the many EdDSAs" (Chalkias et al., 2020) shows that
 * real libraries use it differently. bftswarm pins:
 *
 * <ol>
 *   <li>S is canonical: the 32 little-endian bytes of S denote an integer below the group order L
 *       (section 5.1.7 step 1; signature malleability otherwise).
 *   <li>A and R are canonical encodings: the 255-bit y below p = 2^255 - 19, and never x = 0 with
 *       the sign bit set (section 5.1.3 steps 1 and 4).
 *   <li>Neither A nor R is a small-order point: not one of the eight points of the torsion subgroup,
 *       nor an encoding that a lax decoder maps to one (y + p for y = 0 and y = 1, the sign bit on
 *       x = 0). Small-order keys let one signature verify for many messages.
 *   <li>A lies in the prime-order subgroup ([L]A is the identity): no mixed-order keys. Checked once
 *       per key, when it is admitted.
 *   <li>The equation is the cofactorless [S]B = R + [k]A with k = SHA-512(R || A || M) mod L, R
 *       compared as an encoding: with rule 4 this accepts exactly when the cofactored one does and R
 *       has no small-order component. Each {@link Ed25519Provider} implements this.
 * </ol>
 *
 * Rules 1 to 3 are comparisons of bytes with constants (no arithmetic, no allocation); rule 4 uses
 * Bouncy Castle's point-order check on every replica, whichever provider signs and verifies.
 */
public final class StrictEd25519Rule {
    /** Encoded length of a point or scalar. */
    public static final int ENCODED_LENGTH = 32;

    /** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
    private static final byte[] L_LITTLE_ENDIAN =
            HexFormat.of().parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /**
     * The eight small-order points in canonical encoding (the identity, the point of order 2, two of
     * order 4, four of order 8), then the non-canonical encodings that decode to some of them when a
     * decoder skips section 5.1.3's checks: x = 0 with the sign bit (y = 1, y = p - 1), and y + p for
     * y = 0 and y = 1, each with either sign bit.
     */
    private static final List<byte[]> SMALL_ORDER_ENCODINGS = List.of(
            hex("0100000000000000000000000000000000000000000000000000000000000000"),
            hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            hex("0000000000000000000000000000000000000000000000000000000000000000"),
            hex("0000000000000000000000000000000000000000000000000000000000000080"),
            hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
            hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
            hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
            hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
            hex("0100000000000000000000000000000000000000000000000000000000000080"),
            hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));

    /** How many of {@link #SMALL_ORDER_ENCODINGS} are the canonical encodings of the eight points. */
    static final int CANONICAL_SMALL_ORDER_COUNT = 8;

    private StrictEd25519Rule() {}

    /**
     * Rules 1 to 3 for a 64-byte signature R || S at {@code sig[off, off+64)}: S below L, R canonical
     * and not of small order. False (not an exception) for a null or short array.
     */
    public static boolean admitsSignature(byte[] sig, int off) {
        return sig != null
                && off >= 0
                && off <= sig.length - 2 * ENCODED_LENGTH
                && isCanonicalScalar(sig, off + ENCODED_LENGTH)
                && isCanonicalPointEncoding(sig, off)
                && !isSmallOrderEncoding(sig, off);
    }

    /**
     * Rules 2 to 4 for a 32-byte public key A at {@code a[off, off+32)}: canonical, not of small order,
     * on the curve and in the prime-order subgroup.
     */
    public static boolean admitsPublicKey(byte[] a, int off) {
        return a != null
                && off >= 0
                && off <= a.length - ENCODED_LENGTH
                && isCanonicalPointEncoding(a, off)
                && !isSmallOrderEncoding(a, off)
                && Ed25519.validatePublicKeyFull(a, off);
    }

    /** True iff the little-endian 32 bytes at {@code off} denote an integer below L. */
    public static boolean isCanonicalScalar(byte[] b, int off) {
        for (int i = ENCODED_LENGTH - 1; i >= 0; i--) {
            int x = b[off + i] & 0xff;
            int l = L_LITTLE_ENDIAN[i] & 0xff;
            if (x != l) {
                return x < l;
            }
        }
        return false;
    }

    /**
     * True iff the 255-bit y of the point encoding at {@code off} (the sign bit masked off) is below
     * p = 2^255 - 19, that is, unless bytes 1..30 are 0xff, byte 31 is 0x7f under the mask and byte 0
     * is at least 0xed.
     */
    public static boolean isCanonicalPointEncoding(byte[] b, int off) {
        if ((b[off + ENCODED_LENGTH - 1] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = ENCODED_LENGTH - 2; i >= 1; i--) {
            if (b[off + i] != (byte) 0xff) {
                return true;
            }
        }
        return (b[off] & 0xff) < 0xed;
    }

    /** True iff the 32 bytes at {@code off} are one of the small-order encodings of rule 3. */
    public static boolean isSmallOrderEncoding(byte[] b, int off) {
        for (byte[] small : SMALL_ORDER_ENCODINGS) {
            if (equalAt(b, off, small)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of rule 3's list; the first {@link #CANONICAL_SMALL_ORDER_COUNT} are the canonical ones. */
    static List<byte[]> smallOrderEncodings() {
        return SMALL_ORDER_ENCODINGS.stream().map(byte[]::clone).toList();
    }

    private static boolean equalAt(byte[] b, int off, byte[] constant) {
        for (int i = 0; i < ENCODED_LENGTH; i++) {
            if (b[off + i] != constant[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }
}
