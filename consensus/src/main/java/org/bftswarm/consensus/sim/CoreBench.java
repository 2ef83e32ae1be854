package org.bftswarm.consensus.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.SignatureCache;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.ClientCore;
import org.bftswarm.consensus.core.ClientEffect;
import org.bftswarm.consensus.core.Effect;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.core.Replica;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Cost of the consensus core itself, all on ONE thread: n replicas (real core, every message
 * Ed25519-signed once and verified by each receiving replica, every client request signed and
 * verified once per replica) and closed-loop clients, no network. Prints ops/s and CPU
 * microseconds per operation summed over all replicas: the work a runtime must spread over its
 * cores. Usage: {@code CoreBench [--clients 50] [--seconds 5] [--replicas 4] [--batch 64]}.
 */
public final class CoreBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CoreBench() {}

    private record Msg(int to, Signed message) {}

    public static void main(String[] args) {
        int clients = 50;
        int seconds = 5;
        int n = 4;
        int batch = 64;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--replicas" -> n = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            pub.put(i, SimKeys.key(i).verifyingKey());
        }
        for (int c = 0; c < clients; c++) {
            pub.put(1000 + c, SimKeys.key(1000 + c).verifyingKey());
        }
        KeyRegistry keys = KeyRegistry.of(pub);
        Replica[] replicas = new Replica[n];
        InboundVerifier[] verifiers = new InboundVerifier[n];
        for (int i = 0; i < n; i++) {
            ReplicaConfig cfg =
                    ReplicaConfig.defaults("bench", n, i, SimKeys.key(i), keys).withBatching(batch, 1);
            replicas[i] = new Replica(cfg, new TestStateMachine(null));
            verifiers[i] = new InboundVerifier("bench", keys, n, new SignatureCache(1 << 16));
        }
        ClientCore[] cores = new ClientCore[clients];
        for (int c = 0; c < clients; c++) {
            cores[c] = new ClientCore(
                    "bench", 1000 + c, SimKeys.key(1000 + c), new Quorums(n), 1, 1000, 4000, Long.MAX_VALUE / 4);
        }
        ArrayDeque<Msg> queue = new ArrayDeque<>();
        ArrayDeque<Reply>[] replies = newReplyQueues(n);
        long start = System.nanoTime();
        long warmupEnd = start + 2_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long ops = 0;
        long measuredFrom = -1;
        long lastTick = -1;
        long cpuFrom = 0;
        while (true) {
            long t = System.nanoTime();
            if (t >= end) {
                break;
            }
            if (measuredFrom < 0 && t >= warmupEnd) {
                measuredFrom = t;
                cpuFrom = THREADS.getCurrentThreadCpuTime();
                ops = 0;
            }
            long nowMs = (t - start) / 1_000_000;
            for (int c = 0; c < clients; c++) {
                if (!cores[c].busy()) {
                    Signed req = cores[c].submit(new byte[0], nowMs).request();
                    for (int i = 0; i < n; i++) {
                        queue.add(new Msg(i, req));
                    }
                }
            }
            if (nowMs != lastTick) {
                lastTick = nowMs;
                for (int i = 0; i < n; i++) {
                    route(i, replicas[i].tick(nowMs), n, queue, replies[i]);
                }
            }
            while (!queue.isEmpty()) {
                Msg m = queue.poll();
                if (verifiers[m.to].verify(m.message) instanceof InboundVerifier.Outcome.Accepted a) {
                    route(m.to, replicas[m.to].step(a.message()), n, queue, replies[m.to]);
                }
            }
            for (int i = 0; i < n; i++) {
                while (!replies[i].isEmpty()) {
                    Reply r = replies[i].poll();
                    for (ClientEffect e : cores[r.clientId() - 1000].onReply(i, r)) {
                        if (e instanceof ClientEffect.Completed) {
                            ops++;
                        }
                    }
                }
            }
        }
        double secs = (System.nanoTime() - measuredFrom) / 1e9;
        double cpuSecs = (THREADS.getCurrentThreadCpuTime() - cpuFrom) / 1e9;
        System.out.printf(
                "BENCH core replicas=%d clients=%d batch=%d ops=%d wall_ops_per_s=%.0f cpu_s=%.2f"
                        + " cpu_us_per_op_all_replicas=%.1f single_core_ops_per_s=%.0f%n",
                n, clients, batch, ops, ops / secs, cpuSecs, cpuSecs * 1e6 / ops, ops / cpuSecs);
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<Reply>[] newReplyQueues(int n) {
        ArrayDeque<Reply>[] q = new ArrayDeque[n];
        for (int i = 0; i < n; i++) {
            q[i] = new ArrayDeque<>();
        }
        return q;
    }

    private static void route(int from, List<Effect> effects, int n, ArrayDeque<Msg> queue, ArrayDeque<Reply> replies) {
        for (Effect e : effects) {
            if (e instanceof Effect.Send s) {
                queue.add(new Msg(s.to(), s.message()));
            } else if (e instanceof Effect.Broadcast b) {
                for (int j = 0; j < n; j++) {
                    if (j != from) {
                        queue.add(new Msg(j, b.message()));
                    }
                }
            } else if (e instanceof Effect.SendReply r) {
                replies.add(r.reply());
            }
        }
    }
}
