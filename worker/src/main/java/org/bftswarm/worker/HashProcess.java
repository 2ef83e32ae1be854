package org.bftswarm.worker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.MiningTarget;
import org.bftswarm.orchestrator.mine.NonceSearch;

/**
 * The hashing child JVM of a node whose own JVM runs C1 only: started by {@link ChildHasher} with
 * the default JIT (where the JDK's SHA-256 is a compiler intrinsic), it reads one command a line on
 * stdin, {@code U <key> <header: 160 hex> <target: 64 hex> <from> <to>} to hash a unit on its
 * {@code threads} threads and {@code K <key>} to stop it, and answers each unit with
 * {@code D <key> <nonce or -1> <hashes> <nanos>} (after {@code R} once it is ready: its hashing loop
 * warmed up and compiled). It exits when stdin closes, so it never outlives its node (a node killed
 * with SIGKILL closes the pipe too).
 */
public final class HashProcess {
    static final long WARM_UP_NONCES = 300_000;

    private HashProcess() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "hash"));
        ExecutorService units = Executors.newSingleThreadExecutor(r -> daemon(r, "unit"));
        AtomicReference<String> currentKey = new AtomicReference<>("");
        AtomicReference<AtomicBoolean> currentStop = new AtomicReference<>(new AtomicBoolean());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        warmUp();
        out.println("R");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.split(" ");
            if (f[0].equals("U") && f.length == 6) {
                AtomicBoolean stop = new AtomicBoolean();
                currentStop.set(stop);
                currentKey.set(f[1]);
                MineWork work = new MineWork(
                        BlockHeader.parse(HexFormat.of().parseHex(f[2])),
                        MiningTarget.ofHex(f[3]),
                        Long.parseLong(f[4]),
                        Long.parseLong(f[5]));
                units.submit(() -> {
                    long t0 = System.nanoTime();
                    NonceSearch.Outcome o = ParallelSearch.run(pool, threads, work, stop::get);
                    synchronized (out) {
                        out.println("D " + f[1] + " " + o.nonce() + " " + o.hashes() + " " + (System.nanoTime() - t0));
                    }
                });
            } else if (f[0].equals("K") && f.length == 2 && f[1].equals(currentKey.get())) {
                currentStop.get().set(true);
            }
        }
        currentStop.get().set(true);
        System.exit(0);
    }

    /** Hashes {@value #WARM_UP_NONCES} nonces first, so the loop is compiled before the first unit arrives. */
    private static void warmUp() {
        BlockHeader h = new BlockHeader(1, new byte[32], new byte[32], 0, 0, 0);
        NonceSearch.search(h, MiningTarget.leadingZeros(64), 0, WARM_UP_NONCES - 1, () -> false);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
