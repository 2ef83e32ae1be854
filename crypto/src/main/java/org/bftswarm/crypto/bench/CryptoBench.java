package org.bftswarm.crypto.bench;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Single-thread throughput of Ed25519 (RFC 8032) sign and verify over a 64-byte message, through
 * the same {@link SigningKey}/{@link VerifyingKey} calls the protocol uses. One warm-up round, then
 * {@value #ROUNDS} measured rounds of each operation; prints every round and a final
 * {@code BENCH crypto sign_ops_per_s=X verify_ops_per_s=Y} line with the medians.
 */
public final class CryptoBench {
    /** Measured rounds per operation. */
    public static final int ROUNDS = 5;

    private static final int MESSAGE_LENGTH = 64;

    /** Median operations per second of each operation. */
    public record Result(double signOpsPerSecond, double verifyOpsPerSecond) {}

    private CryptoBench() {}

    /** Usage: {@code CryptoBench [secondsPerRound]} (default 1). */
    public static void main(String[] args) {
        int seconds = 1;
        if (args.length > 0) {
            try {
                seconds = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("usage: CryptoBench [secondsPerRound], got " + args[0]);
                System.exit(2);
            }
        }
        run(seconds, System.out);
    }

    /** Runs warm-up plus {@value #ROUNDS} rounds of {@code seconds} (>= 1) each, per operation. */
    public static Result run(int seconds, PrintStream out) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds per round must be >= 1, got " + seconds);
        }
        return runMillis(seconds * 1000L, out);
    }

    /** As {@link #run} with rounds of {@code roundMillis}; package-private so tests can keep it short. */
    static Result runMillis(long roundMillis, PrintStream out) {
        SecureRandom random = new SecureRandom();
        SigningKey key = SigningKey.generate(random);
        VerifyingKey verifier = key.verifyingKey();
        byte[] message = new byte[MESSAGE_LENGTH];
        random.nextBytes(message);
        byte[] signature = key.sign(message);
        long roundNanos = roundMillis * 1_000_000L;

        out.printf(
                Locale.ROOT,
                "crypto bench: Ed25519 (Bouncy Castle low-level), %d-byte message, 1 thread, %d ms rounds%n",
                MESSAGE_LENGTH,
                roundMillis);
        signRound(key, message, roundNanos);
        verifyRound(verifier, message, signature, roundNanos);

        double[] sign = new double[ROUNDS];
        double[] verify = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            sign[r] = signRound(key, message, roundNanos);
            verify[r] = verifyRound(verifier, message, signature, roundNanos);
            out.printf(Locale.ROOT, "round %d: sign_ops_per_s=%.0f verify_ops_per_s=%.0f%n", r + 1, sign[r], verify[r]);
        }
        Result result = new Result(median(sign), median(verify));
        out.printf(
                Locale.ROOT,
                "BENCH crypto sign_ops_per_s=%.0f verify_ops_per_s=%.0f%n",
                result.signOpsPerSecond(),
                result.verifyOpsPerSecond());
        return result;
    }

    private static double signRound(SigningKey key, byte[] original, long roundNanos) {
        byte[] message = original.clone();
        long start = System.nanoTime();
        long deadline = start + roundNanos;
        long ops = 0;
        int sink = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                message[0] = (byte) ops;
                sink += key.sign(message)[0];
                ops++;
            }
            now = System.nanoTime();
        } while (now < deadline);
        consume(sink);
        return ops * 1e9 / (now - start);
    }

    private static double verifyRound(VerifyingKey key, byte[] message, byte[] signature, long roundNanos) {
        long start = System.nanoTime();
        long deadline = start + roundNanos;
        long ops = 0;
        int valid = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                if (key.verify(message, signature)) {
                    valid++;
                }
                ops++;
            }
            now = System.nanoTime();
        } while (now < deadline);
        Invariants.check(valid == ops, "bench signature failed to verify (%d of %d)", ops - valid, ops);
        consume(valid);
        return ops * 1e9 / (now - start);
    }

    private static volatile int blackhole;

    private static void consume(int value) {
        blackhole ^= value;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
