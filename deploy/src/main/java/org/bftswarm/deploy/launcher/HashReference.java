package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.MiningTarget;
import org.bftswarm.orchestrator.mine.NonceSearch;

/**
 * The reference of {@code bench mine}: one process hashing the bench's header on {@code threads}
 * threads for {@code seconds} with the same search the nodes run ({@link NonceSearch}), each thread on
 * its own slice of the nonces, printing {@code hashes_per_s=R}. Run as a child JVM so the bench can
 * compare the nodes' JIT flags (C1) with the default (C2) in the same run.
 */
public final class HashReference {
    private HashReference() {}

    /** The header both sides hash: the Bitcoin genesis header (its nonces are hashed from 0 up). */
    public static BlockHeader header() {
        return BlockHeader.of(
                1,
                "0".repeat(64),
                "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
                1231006505L,
                0x1d00ffff,
                0);
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int threads = Integer.parseInt(args[1]);
        System.out.println("hashes_per_s=" + Math.round(rate(seconds, threads)));
    }

    /** Hashes per second of {@code threads} threads over {@code seconds} (after a one-second warm-up). */
    public static double rate(double seconds, int threads) throws Exception {
        MiningTarget never = MiningTarget.leadingZeros(64);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, threads, never, 1.0);
            return run(pool, threads, never, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double run(ExecutorService pool, int threads, MiningTarget target, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = (long) t * (BlockHeader.MAX_U32 / threads);
            futures.add(pool.submit(() -> {
                long hashes = 0;
                long from = base;
                while (System.nanoTime() < end) {
                    NonceSearch.Outcome o = NonceSearch.search(
                            header(), target, from, from + (1 << 20) - 1, () -> System.nanoTime() >= end);
                    hashes += o.hashes();
                    from += 1 << 20;
                }
                return hashes;
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
