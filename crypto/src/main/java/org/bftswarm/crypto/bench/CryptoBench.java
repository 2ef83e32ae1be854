package org.bftswarm.crypto.bench;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.crypto.ed25519.Ed25519Provider;
import org.bftswarm.crypto.ed25519.Ed25519Providers;

/**
 * Single-thread throughput of Ed25519 (RFC 8032) sign and verify over a 64-byte message, through
 * the same {@link SigningKey}/{@link VerifyingKey} calls the protocol uses (so the strict
 * acceptance rule's pre-checks are included), for each provider in the same run: AWS-LC and Bouncy
 * Castle. Rounds alternate between the providers so that a noisy machine slows both alike. One
 * warm-up round, then {@value #ROUNDS} measured rounds of each operation per provider; prints every
 * round, one {@code BENCH crypto provider=P sign_ops_per_s=X verify_ops_per_s=Y} line per provider
 * with the medians and, when both ran, {@code BENCH crypto ratio_native_over_bc sign=X verify=Y}.
 */
public final class CryptoBench {
    /** Measured rounds per operation. */
    public static final int ROUNDS = 5;

    private static final int MESSAGE_LENGTH = 64;

    /** Median operations per second of each operation, for one provider. */
    public record ProviderResult(String provider, double signOpsPerSecond, double verifyOpsPerSecond) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "BENCH crypto provider=%s sign_ops_per_s=%.0f verify_ops_per_s=%.0f",
                    provider,
                    signOpsPerSecond,
                    verifyOpsPerSecond);
        }
    }

    /** Every provider's medians: AWS-LC first when it loaded, then Bouncy Castle. */
    public record Result(List<ProviderResult> providers) {
        public Result {
            providers = List.copyOf(providers);
        }

        /** The result of the provider with this name. */
        public Optional<ProviderResult> of(String provider) {
            return providers.stream().filter(p -> p.provider().equals(provider)).findFirst();
        }

        /** Native over Bouncy Castle, sign then verify; empty when AWS-LC did not run. */
        public Optional<double[]> nativeOverBc() {
            return of("aws-lc")
                    .flatMap(n -> of("bouncycastle").map(bc -> new double[] {
                        n.signOpsPerSecond() / bc.signOpsPerSecond(), n.verifyOpsPerSecond() / bc.verifyOpsPerSecond()
                    }));
        }
    }

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

    /** Runs warm-up plus {@value #ROUNDS} rounds of {@code seconds} (>= 1) each, per operation and provider. */
    public static Result run(int seconds, PrintStream out) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds per round must be >= 1, got " + seconds);
        }
        return runMillis(seconds * 1000L, out);
    }

    /** As {@link #run} with rounds of {@code roundMillis}; package-private so tests can keep it short. */
    static Result runMillis(long roundMillis, PrintStream out) {
        List<Ed25519Provider> providers = new ArrayList<>();
        Ed25519Providers.nativeProvider().ifPresent(providers::add);
        providers.add(Ed25519Providers.bouncyCastle());
        SecureRandom random = new SecureRandom();
        byte[] seed = new byte[SigningKey.SEED_LENGTH];
        random.nextBytes(seed);
        byte[] message = new byte[MESSAGE_LENGTH];
        random.nextBytes(message);
        long roundNanos = roundMillis * 1_000_000L;

        out.printf(
                Locale.ROOT,
                "crypto bench: Ed25519, %d-byte message, 1 thread, %d ms rounds, providers %s (active: %s)%n",
                MESSAGE_LENGTH,
                roundMillis,
                providers.stream().map(Ed25519Provider::name).toList(),
                Ed25519Providers.activeName());
        Ed25519Providers.nativeUnavailableReason().ifPresent(reason -> out.println("aws-lc not measured: " + reason));

        int n = providers.size();
        SigningKey[] keys = new SigningKey[n];
        byte[][] signatures = new byte[n][];
        for (int p = 0; p < n; p++) {
            keys[p] = SigningKey.fromSeed(seed, providers.get(p));
            signatures[p] = keys[p].sign(message);
            Invariants.check(
                    Arrays.equals(signatures[p], signatures[0]),
                    "%s and %s sign differently",
                    providers.get(p).name(),
                    providers.get(0).name());
            signRound(keys[p], message, roundNanos);
            verifyRound(keys[p].verifyingKey(), message, signatures[p], roundNanos);
        }

        double[][] sign = new double[n][ROUNDS];
        double[][] verify = new double[n][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            for (int p = 0; p < n; p++) {
                sign[p][r] = signRound(keys[p], message, roundNanos);
                verify[p][r] = verifyRound(keys[p].verifyingKey(), message, signatures[p], roundNanos);
                out.printf(
                        Locale.ROOT,
                        "round %d %s: sign_ops_per_s=%.0f verify_ops_per_s=%.0f%n",
                        r + 1,
                        providers.get(p).name(),
                        sign[p][r],
                        verify[p][r]);
            }
        }
        List<ProviderResult> results = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            ProviderResult result = new ProviderResult(providers.get(p).name(), median(sign[p]), median(verify[p]));
            results.add(result);
            out.println(result.line());
        }
        Result result = new Result(results);
        result.nativeOverBc()
                .ifPresent(ratio -> out.printf(
                        Locale.ROOT, "BENCH crypto ratio_native_over_bc sign=%.2f verify=%.2f%n", ratio[0], ratio[1]));
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
