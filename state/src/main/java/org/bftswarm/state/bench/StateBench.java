package org.bftswarm.state.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.hazelcast.HazelcastDissemination;
import org.bftswarm.state.hazelcast.HazelcastSettings;
import org.bftswarm.state.view.Heartbeat;

/**
 * Measures the Hazelcast layer: formation time of N embedded members in one JVM on
 * 127.0.0.1 with distinct ports, and the time for a heartbeat written on one member to be applied
 * on all others. Usage: {@code StateBench [--base-port P] [--rounds R] N...}; prints
 * {@code BENCH state members=N formation_ms=X propagation_p50_ms=Y} per N, plus a memory line.
 */
public final class StateBench {
    private static final String SWARM = "bench-swarm";

    public static void main(String[] args) throws Exception {
        int basePort = 27_500;
        int rounds = 50;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(4, 10);
        }
        for (int n : sizes) {
            run(n, basePort, rounds);
            basePort += n;
        }
        System.exit(0);
    }

    private static void run(int n, int basePort, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("bftswarm-state-bench");
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        SigningKey[] signing = new SigningKey[n];
        for (int i = 0; i < n; i++) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) (i + 1));
            signing[i] = SigningKey.fromSeed(seed);
            keys.put(i, signing[i].verifyingKey());
        }
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add("127.0.0.1:" + (basePort + i));
        }
        ClusterStateNode[] nodes = new ClusterStateNode[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HazelcastSettings hz = new HazelcastSettings(SWARM, "127.0.0.1", basePort + i, members);
            nodes[i] = ClusterStateNode.open(new StateNodeConfig(
                    SWARM, i, signing[i], KeyRegistry.of(keys), dir.resolve("node-" + i + ".db"), Optional.of(hz)));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (!allSee(nodes, n)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster of " + n + " did not form within 120 s");
            }
            Thread.sleep(10);
        }
        long formationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        double[] latencies = measurePropagation(nodes, rounds);
        Arrays.sort(latencies);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapUsedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf(
                "BENCH state members=%d formation_ms=%d propagation_p50_ms=%.1f%n",
                n, formationMs, percentile(latencies, 0.50));
        System.out.printf(
                "BENCH state-detail members=%d propagation_p99_ms=%.1f rounds=%d heap_used_mb=%d rss_mb=%d%n",
                n, percentile(latencies, 0.99), rounds, heapUsedMb, rssMb());
        for (ClusterStateNode node : nodes) {
            node.dissemination().ifPresent(HazelcastDissemination::terminate);
            node.close();
        }
    }

    /** The heartbeat the current round waits for, and which members have applied it. */
    private record Round(int writer, long seq, CountDownLatch reached, Set<Integer> seen) {}

    private static double[] measurePropagation(ClusterStateNode[] nodes, int rounds) throws InterruptedException {
        int n = nodes.length;
        AtomicReference<Round> current = new AtomicReference<>();
        for (ClusterStateNode node : nodes) {
            int reader = node.nodeId();
            node.addListener(e -> {
                Round round = current.get();
                if (round != null
                        && reader != round.writer()
                        && e.key().owner() == round.writer()
                        && e.key().name().equals(Heartbeat.ENTRY_NAME)
                        && decodeSeq(e.value()) == round.seq()
                        && round.seen().add(reader)) {
                    round.reached().countDown();
                }
            });
        }
        double[] out = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int writer = r % n;
            Round round = new Round(writer, 1_000_000L + r, new CountDownLatch(n - 1), ConcurrentHashMap.newKeySet());
            current.set(round);
            long t0 = System.nanoTime();
            nodes[writer].writer().heartbeat(round.seq(), System.currentTimeMillis());
            if (!round.reached().await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("round " + r + " did not reach all members");
            }
            out[r] = (System.nanoTime() - t0) / 1e6;
        }
        return out;
    }

    private static long decodeSeq(byte[] value) {
        try {
            return Heartbeat.decode(value).seq();
        } catch (MalformedBytesException e) {
            return -1;
        }
    }

    private static boolean allSee(ClusterStateNode[] nodes, int n) {
        for (ClusterStateNode node : nodes) {
            HazelcastDissemination d = node.dissemination().orElseThrow();
            if (!d.isFormed() || d.memberCount() != n) {
                return false;
            }
        }
        return true;
    }

    private static double percentile(double[] sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
