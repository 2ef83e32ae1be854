package org.bftswarm.crypto.ed25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A slow, obviously-correct Ed25519 reference written from the formulas of RFC 8032 sections 5.1.1
 * to 5.1.6 with {@link BigInteger}: point decoding and encoding, addition in extended coordinates,
 * scalar multiplication, and signing with a chosen nonce point. Test-only: it lets the tests build
 * edge-case signatures (small-order and mixed-order points, S + L) that no real signer produces, so
 * every provider can be fed exactly the same crafted bytes.
 */
final class EdwardsReference {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);
    private static final BigInteger SQRT_M1 =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    /** A point in extended homogeneous coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z. */
    record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
        static Point affine(BigInteger x, BigInteger y) {
            return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
        }
    }

    static final Point IDENTITY = Point.affine(BigInteger.ZERO, BigInteger.ONE);
    static final Point BASE = decode(hex("5866666666666666666666666666666666666666666666666666666666666666"));

    private EdwardsReference() {}

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    /** Section 5.1.4: the unified addition formula for a = -1. */
    static Point add(Point p, Point q) {
        BigInteger a = p.y().subtract(p.x()).multiply(q.y().subtract(q.x())).mod(P);
        BigInteger b = p.y().add(p.x()).multiply(q.y().add(q.x())).mod(P);
        BigInteger c =
                p.t().multiply(BigInteger.TWO).multiply(D).multiply(q.t()).mod(P);
        BigInteger d = p.z().multiply(BigInteger.TWO).multiply(q.z()).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new Point(
                e.multiply(f).mod(P),
                g.multiply(h).mod(P),
                f.multiply(g).mod(P),
                e.multiply(h).mod(P));
    }

    static Point multiply(BigInteger k, Point p) {
        Point result = IDENTITY;
        Point addend = p;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    static boolean same(Point p, Point q) {
        return p.x().multiply(q.z()).subtract(q.x().multiply(p.z())).mod(P).signum() == 0
                && p.y().multiply(q.z()).subtract(q.y().multiply(p.z())).mod(P).signum() == 0;
    }

    /** Section 5.1.2: y little-endian with the sign of x in the top bit. */
    static byte[] encode(Point p) {
        BigInteger zi = p.z().modInverse(P);
        BigInteger x = p.x().multiply(zi).mod(P);
        BigInteger y = p.y().multiply(zi).mod(P);
        byte[] out = littleEndian(y);
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** Section 5.1.3 decoding of a canonical encoding; throws on anything that is not a point. */
    static Point decode(byte[] encoded) {
        byte[] copy = encoded.clone();
        boolean sign = (copy[31] & 0x80) != 0;
        copy[31] &= 0x7f;
        BigInteger y = fromLittleEndian(copy);
        if (y.compareTo(P) >= 0) {
            throw new IllegalArgumentException("y >= p");
        }
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
        BigInteger x = u.multiply(v.pow(3))
                .multiply(u.multiply(v.pow(7))
                        .modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P))
                .mod(P);
        BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
        if (!vx2.equals(u)) {
            if (vx2.equals(u.negate().mod(P))) {
                x = x.multiply(SQRT_M1).mod(P);
            } else {
                throw new IllegalArgumentException("not on the curve");
            }
        }
        if (x.signum() == 0 && sign) {
            throw new IllegalArgumentException("x = 0 with sign bit set");
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x);
        }
        return Point.affine(x, y);
    }

    /**
     * Decoding as a lax implementation does it: y reduced mod p, and the sign bit ignored when x = 0.
     * Throws when the reduced y is not on the curve.
     */
    static Point decodeLax(byte[] encoded) {
        byte[] copy = encoded.clone();
        int sign = copy[31] & 0x80;
        copy[31] &= 0x7f;
        byte[] reduced = littleEndian(fromLittleEndian(copy).mod(P));
        Point p = decode(reduced);
        if (sign != 0 && p.x().signum() != 0) {
            reduced[31] |= (byte) 0x80;
            p = decode(reduced);
        }
        return p;
    }

    static byte[] littleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Section 5.1.5: the clamped secret scalar s of a seed. */
    static BigInteger secretScalar(byte[] seed) {
        byte[] h = Arrays.copyOf(sha512(seed), 32);
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        return fromLittleEndian(h);
    }

    /** The hash scalar k = SHA-512(R || A || M) mod L of section 5.1.6 step 4. */
    static BigInteger challenge(byte[] r, byte[] a, byte[] message) {
        return fromLittleEndian(sha512(r, a, message)).mod(L);
    }

    /**
     * A signature (R, S) over {@code message} with nonce scalar {@code r}, nonce point {@code rPoint}
     * (normally [r]B; a test adds a torsion point to it), public key encoding {@code a} and secret
     * scalar {@code s}: S = (r + k s) mod L with k = H(R || A || M).
     */
    static byte[] sign(BigInteger r, Point rPoint, BigInteger s, byte[] a, byte[] message) {
        return signWithEncodedR(r, encode(rPoint), s, a, message);
    }

    /** As {@link #sign} with R given as bytes, which may be a non-canonical encoding of [r]B. */
    static byte[] signWithEncodedR(BigInteger r, byte[] rEnc, BigInteger s, byte[] a, byte[] message) {
        BigInteger k = challenge(rEnc, a, message);
        byte[] sig = new byte[64];
        System.arraycopy(rEnc, 0, sig, 0, 32);
        System.arraycopy(littleEndian(r.add(k.multiply(s)).mod(L)), 0, sig, 32, 32);
        return sig;
    }
}
