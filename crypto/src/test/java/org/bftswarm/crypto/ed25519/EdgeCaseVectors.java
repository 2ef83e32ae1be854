package org.bftswarm.crypto.ed25519;

import static org.bftswarm.crypto.ed25519.EdwardsReference.BASE;
import static org.bftswarm.crypto.ed25519.EdwardsReference.IDENTITY;
import static org.bftswarm.crypto.ed25519.EdwardsReference.L;
import static org.bftswarm.crypto.ed25519.EdwardsReference.add;
import static org.bftswarm.crypto.ed25519.EdwardsReference.challenge;
import static org.bftswarm.crypto.ed25519.EdwardsReference.decode;
import static org.bftswarm.crypto.ed25519.EdwardsReference.encode;
import static org.bftswarm.crypto.ed25519.EdwardsReference.fromLittleEndian;
import static org.bftswarm.crypto.ed25519.EdwardsReference.hex;
import static org.bftswarm.crypto.ed25519.EdwardsReference.littleEndian;
import static org.bftswarm.crypto.ed25519.EdwardsReference.multiply;
import static org.bftswarm.crypto.ed25519.EdwardsReference.same;
import static org.bftswarm.crypto.ed25519.EdwardsReference.secretScalar;
import static org.bftswarm.crypto.ed25519.EdwardsReference.sign;
import static org.bftswarm.crypto.ed25519.EdwardsReference.signWithEncodedR;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bftswarm.crypto.Rfc8032Test1024Message;

/**
 * The vectors every provider must judge identically: RFC 8032 section 7.1 TESTs 1, 2, 3 and 1024
 * (valid), and signatures built with {@link EdwardsReference} that exercise each clause of {@link
 * StrictEd25519Rule}. Several of the invalid ones satisfy the cofactored or the cofactorless
 * equation (noted per vector), so a provider that skips a clause accepts them.
 */
final class EdgeCaseVectors {
    /** RFC 8032 section 7.1: name, seed, public key, message, signature (hex). */
    static final List<String[]> RFC8032 = List.of(
            new String[] {
                "TEST 1",
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
            },
            new String[] {
                "TEST 2",
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
            },
            new String[] {
                "TEST 3",
                "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                "af82",
                "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
            },
            new String[] {
                "TEST 1024",
                "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
                Rfc8032Test1024Message.HEX,
                "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"
            });

    /** A point of order 8; its multiples are the whole torsion subgroup. */
    static final EdwardsReference.Point ORDER_8 =
            decode(hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));

    private static final byte[] SEED = hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    private static final BigInteger NONCE = new BigInteger("1234567890123456789012345678901234567890");
    private static final byte[] NON_CANONICAL_IDENTITY =
            hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    private static final byte[] NEGATIVE_ZERO_IDENTITY =
            hex("0100000000000000000000000000000000000000000000000000000000000080");

    private EdgeCaseVectors() {}

    /** The i-th torsion point [i]T8. */
    static EdwardsReference.Point torsion(int i) {
        return multiply(BigInteger.valueOf(i), ORDER_8);
    }

    static List<VerdictVector> all() {
        List<VerdictVector> v = new ArrayList<>();
        for (String[] t : RFC8032) {
            v.add(new VerdictVector("RFC 8032 " + t[0], hex(t[2]), hex(t[3]), hex(t[4]), true));
        }
        BigInteger s = secretScalar(SEED);
        byte[] a = encode(multiply(s, BASE));
        byte[] m = "pbft prepare v=3 n=17".getBytes(StandardCharsets.UTF_8);
        byte[] good = sign(NONCE, multiply(NONCE, BASE), s, a, m);
        v.add(new VerdictVector("reference signature", a, m, good, true));

        v.add(new VerdictVector(
                "S + L (cofactorless equation holds mod L)",
                a,
                m,
                withS(good, sOf(good).add(L)),
                false));
        v.add(new VerdictVector("S = L", a, m, withS(good, L), false));
        v.add(new VerdictVector(
                "S with the top bit set", a, m, withS(good, sOf(good).add(BigInteger.TWO.pow(255))), false));
        v.add(new VerdictVector("other message", a, Arrays.copyOf(m, m.length + 1), good, false));
        v.add(new VerdictVector("flipped bit in R", a, m, flip(good, 3), false));
        v.add(new VerdictVector("flipped bit in S", a, m, flip(good, 40), false));

        // R = the identity, written canonically and non-canonically; S = k s makes [S]B = R + [k]A hold
        v.add(new VerdictVector(
                "small-order R = identity (cofactorless equation holds)",
                a,
                m,
                signWithEncodedR(BigInteger.ZERO, encode(IDENTITY), s, a, m),
                false));
        v.add(new VerdictVector(
                "non-canonical R: identity as y = p + 1 (equation holds under lax decoding)",
                a,
                m,
                signWithEncodedR(BigInteger.ZERO, NON_CANONICAL_IDENTITY, s, a, m),
                false));
        v.add(new VerdictVector(
                "non-canonical R: identity as x = -0 (equation holds under lax decoding)",
                a,
                m,
                signWithEncodedR(BigInteger.ZERO, NEGATIVE_ZERO_IDENTITY, s, a, m),
                false));
        v.add(new VerdictVector(
                "non-canonical R: y = p + 1 + ... (y >= p)",
                a,
                m,
                withR(good, hex("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
                false));
        for (int i = 1; i < 8; i++) {
            v.add(new VerdictVector(
                    "small-order R = [" + i + "]T8 (cofactored equation holds)",
                    a,
                    m,
                    signWithEncodedR(BigInteger.ZERO, encode(torsion(i)), s, a, m),
                    false));
        }
        for (int i : new int[] {1, 2, 4}) {
            v.add(new VerdictVector(
                    "mixed-order R = [r]B + [" + i + "]T8 (cofactored equation holds)",
                    a,
                    m,
                    sign(NONCE, add(multiply(NONCE, BASE), torsion(i)), s, a, m),
                    false));
        }
        v.add(new VerdictVector("R off the curve", a, m, withR(good, offCurve()), false));

        // small-order A: S = r, R = [r]B, and a message with [k]A = identity, so both equations hold
        for (int i = 0; i < 8; i++) {
            byte[] smallA = encode(torsion(i));
            v.add(holding("small-order A = [" + i + "]T8 (both equations hold)", smallA, BigInteger.ZERO, 0, 8));
        }
        v.add(new VerdictVector(
                "non-canonical A: identity as y = p + 1 (equation holds under lax decoding)",
                NON_CANONICAL_IDENTITY,
                m,
                sign(NONCE, multiply(NONCE, BASE), BigInteger.ZERO, NON_CANONICAL_IDENTITY, m),
                false));
        v.add(new VerdictVector(
                "non-canonical A: identity as x = -0 (equation holds under lax decoding)",
                NEGATIVE_ZERO_IDENTITY,
                m,
                sign(NONCE, multiply(NONCE, BASE), BigInteger.ZERO, NEGATIVE_ZERO_IDENTITY, m),
                false));
        v.add(new VerdictVector(
                "non-canonical A: y + p of a point with small y", nonCanonicalOnCurve(), m, good, false));
        v.add(new VerdictVector(
                "non-canonical R: y + p of a point with small y", a, m, withR(good, nonCanonicalOnCurve()), false));
        v.add(new VerdictVector("A off the curve", offCurve(), m, good, false));

        // mixed-order A = [s]B + T: k = 0 mod ord(T) makes both equations hold, otherwise only the cofactored
        for (int i : new int[] {1, 2, 4}) {
            byte[] mixedA = encode(add(multiply(s, BASE), torsion(i)));
            int order = 8 / i;
            v.add(holding("mixed-order A, T of order " + order + ", k = 0 mod " + order, mixedA, s, 0, order));
            v.add(holding("mixed-order A, T of order " + order + ", k = 1 mod " + order, mixedA, s, 1, order));
        }
        return v;
    }

    /**
     * A signature under {@code a} with secret scalar {@code s}, nonce [NONCE]B, over the first message
     * "m0", "m1", ... whose k is {@code residue} mod {@code modulus}.
     */
    private static VerdictVector holding(String name, byte[] a, BigInteger s, int residue, int modulus) {
        byte[] r = encode(multiply(NONCE, BASE));
        for (int i = 0; i < 10_000; i++) {
            byte[] msg = ("m" + i).getBytes(StandardCharsets.UTF_8);
            if (challenge(r, a, msg).mod(BigInteger.valueOf(modulus)).intValue() == residue % modulus) {
                return new VerdictVector(name, a, msg, sign(NONCE, multiply(NONCE, BASE), s, a, msg), false);
            }
        }
        throw new IllegalStateException("no message found for " + name);
    }

    /** A 32-byte string whose y has no x on the curve (the first such y = 2, 3, ...). */
    static byte[] offCurve() {
        for (int y = 2; ; y++) {
            byte[] enc = littleEndian(BigInteger.valueOf(y));
            try {
                decode(enc);
            } catch (IllegalArgumentException notOnCurve) {
                return enc;
            }
        }
    }

    /** y + p for the first y in 2..18 that is on the curve: a non-canonical encoding of a real point. */
    static byte[] nonCanonicalOnCurve() {
        for (int y = 2; y < 19; y++) {
            byte[] enc = littleEndian(BigInteger.valueOf(y));
            try {
                decode(enc);
                return littleEndian(BigInteger.valueOf(y).add(EdwardsReference.P));
            } catch (IllegalArgumentException notOnCurve) {
                // try the next y
            }
        }
        throw new IllegalStateException("no y below 19 is on the curve");
    }

    static BigInteger sOf(byte[] sig) {
        return fromLittleEndian(Arrays.copyOfRange(sig, 32, 64));
    }

    static byte[] withS(byte[] sig, BigInteger s) {
        byte[] out = sig.clone();
        System.arraycopy(littleEndian(s), 0, out, 32, 32);
        return out;
    }

    static byte[] withR(byte[] sig, byte[] r) {
        byte[] out = sig.clone();
        System.arraycopy(r, 0, out, 0, 32);
        return out;
    }

    static byte[] flip(byte[] sig, int index) {
        byte[] out = sig.clone();
        out[index] ^= 0x01;
        return out;
    }

    /** True iff {@code p} has order dividing 8. */
    static boolean smallOrder(EdwardsReference.Point p) {
        return same(multiply(BigInteger.valueOf(8), p), IDENTITY);
    }
}
