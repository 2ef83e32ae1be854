package org.bftswarm.orchestrator.mine;

import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BooleanSupplier;
import org.bftswarm.crypto.Invariants;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The hashing loop: tries nonces {@code from..to} (inclusive, ascending) of one header against a
 * target and returns the first that meets it. The header's first 64 bytes are one SHA-256 block
 * that no nonce changes, so their compression is done once (the midstate) and each nonce costs the
 * second block plus the outer hash. {@code cancelled} is polled every {@value #POLL_EVERY} nonces
 * (about a millisecond, far less once compiled), which bounds how long a cancelled search runs on.
 */
public final class NonceSearch {
    public static final int POLL_EVERY = 1024;

    /** What a search found: the nonce or -1, and how many nonces it hashed. */
    public record Outcome(long nonce, long hashes, boolean cancelled) {
        public boolean found() {
            return nonce >= 0;
        }
    }

    /**
     * Which SHA-256 implementation hashes: Bouncy Castle (midstate reused) or the JDK's MessageDigest.
     * Measured here: with C1 only (the nodes' flag) Bouncy Castle is faster (~0.6 against ~0.4 million
     * hashes/s per core); with C2 the JDK's digest is several times faster (its SHA-256 is a compiler
     * intrinsic using the CPU's SHA instructions).
     */
    public enum Hasher {
        BC,
        JDK;

        private static final Hasher FOR_THIS_JVM = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4"))
                ? BC
                : JDK;

        /** The faster one under this JVM's compiler: BC when C2 is off, else JDK. */
        public static Hasher forThisJvm() {
            return FOR_THIS_JVM;
        }
    }

    private NonceSearch() {}

    /** Searches with the default (faster, measured) hasher. */
    public static Outcome search(
            BlockHeader header, MiningTarget target, long from, long to, BooleanSupplier cancelled) {
        return search(Hasher.BC, header, target, from, to, cancelled);
    }

    public static Outcome search(
            Hasher hasher, BlockHeader header, MiningTarget target, long from, long to, BooleanSupplier cancelled) {
        Invariants.check(from >= 0 && to <= BlockHeader.MAX_U32 && from <= to + 1, "nonce range [%s, %s]", from, to);
        return hasher == Hasher.BC
                ? searchBc(header, target, from, to, cancelled)
                : searchJdk(header, target, from, to, cancelled);
    }

    private static Outcome searchBc(
            BlockHeader header, MiningTarget target, long from, long to, BooleanSupplier cancelled) {
        byte[] bytes = header.bytes();
        SHA256Digest mid = new SHA256Digest();
        mid.update(bytes, 0, 64);
        SHA256Digest inner = new SHA256Digest();
        SHA256Digest outer = new SHA256Digest();
        byte[] first = new byte[32];
        byte[] hash = new byte[32];
        long hashes = 0;
        for (long n = from; n <= to; n++) {
            if ((hashes & (POLL_EVERY - 1)) == 0 && hashes > 0 && cancelled.getAsBoolean()) {
                return new Outcome(-1, hashes, true);
            }
            BlockHeader.putLe32(bytes, BlockHeader.NONCE_OFFSET, (int) n);
            inner.reset(mid);
            inner.update(bytes, 64, 16);
            inner.doFinal(first, 0);
            outer.update(first, 0, 32);
            outer.doFinal(hash, 0);
            hashes++;
            if (target.isMetBy(hash)) {
                return new Outcome(n, hashes, false);
            }
        }
        return new Outcome(-1, hashes, false);
    }

    private static Outcome searchJdk(
            BlockHeader header, MiningTarget target, long from, long to, BooleanSupplier cancelled) {
        byte[] bytes = header.bytes();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long hashes = 0;
        for (long n = from; n <= to; n++) {
            if ((hashes & (POLL_EVERY - 1)) == 0 && hashes > 0 && cancelled.getAsBoolean()) {
                return new Outcome(-1, hashes, true);
            }
            BlockHeader.putLe32(bytes, BlockHeader.NONCE_OFFSET, (int) n);
            byte[] hash = md.digest(md.digest(bytes));
            hashes++;
            if (target.isMetBy(hash)) {
                return new Outcome(n, hashes, false);
            }
        }
        return new Outcome(-1, hashes, false);
    }
}
