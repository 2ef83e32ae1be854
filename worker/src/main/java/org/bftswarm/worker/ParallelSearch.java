package org.bftswarm.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.bftswarm.orchestrator.mine.NonceSearch;

/**
 * One unit hashed on {@code threads} threads of {@code pool}, each over a contiguous slice of the
 * unit's nonces; a slice that finds a solution stops the others. The result is the lowest nonce any
 * slice found (or -1) and the hashes done by all of them.
 */
final class ParallelSearch {
    private ParallelSearch() {}

    static NonceSearch.Outcome run(ExecutorService pool, int threads, MineWork work, BooleanSupplier stop) {
        AtomicBoolean found = new AtomicBoolean();
        int parts = (int) Math.min(threads, work.size());
        long slice = work.size() / parts;
        List<Future<NonceSearch.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long from = work.from() + i * slice;
            long to = i == parts - 1 ? work.to() : from + slice - 1;
            futures.add(pool.submit(() -> NonceSearch.search(
                    work.header(), work.target(), from, to, () -> found.get() || stop.getAsBoolean())));
        }
        long best = -1;
        long hashes = 0;
        boolean cancelled = false;
        for (Future<NonceSearch.Outcome> f : futures) {
            NonceSearch.Outcome o = await(f);
            hashes += o.hashes();
            if (o.found()) {
                found.set(true);
                best = best < 0 ? o.nonce() : Math.min(best, o.nonce());
            }
            cancelled |= o.cancelled();
        }
        return new NonceSearch.Outcome(best, hashes, best < 0 && cancelled);
    }

    private static NonceSearch.Outcome await(Future<NonceSearch.Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }
}
