package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.SignatureCache;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.sim.TestStateMachine;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * A core test harness for an overloaded machine: virtual time in 5 ms steps, every message delayed
 * by a seeded random latency, replicas that stall (no ticks, no processing) for random spells as a
 * starved JVM does, replicas that can be paused (SIGSTOP: messages wait for them, none are lost), and
 * closed-loop clients running the real {@link ClientCore}. Deterministic for a given seed.
 */
final class SlowCluster {
    static final String SWARM = "slow";
    private static final long STEP = 5;

    private record InFlight(long at, long order, int from, int to, Signed message, Reply reply) {}

    final int n;
    final Replica[] replicas;
    final TestStateMachine[] services;
    final List<Long>[] viewsEntered;
    final Set<Integer> paused = new HashSet<>();
    /** Crashed replicas: messages to and from them are lost. */
    final Set<Integer> down = new HashSet<>();

    int stateTransfers;
    /** Protocol drops by reason (digits blanked), and view entries with their times. */
    final TreeMap<String, Integer> drops = new TreeMap<>();

    final List<String> log = new ArrayList<>();
    private final SigningKey[] keys;
    private final ClientCore[] clients;
    private final int[] completed;
    private final long[] stalledUntil;
    private final InboundVerifier verifier;
    private final SplittableRandom rnd;
    private final PriorityQueue<InFlight> queue =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long order;
    long now;
    /** Uniform message latency in [minLatencyMs, maxLatencyMs]. */
    long minLatencyMs = 1;

    long maxLatencyMs = 1;
    /** Per replica and 5 ms step, the chance of a stall of up to maxStallMs. */
    double stallChance;

    long maxStallMs;
    /** Steps carry the current time (as the runtime should) instead of relying on the last tick. */
    boolean freshClockOnStep;

    @SuppressWarnings("unchecked")
    SlowCluster(int n, int clientCount, long seed, UnaryOperator<ReplicaConfig> tune) {
        this.n = n;
        this.rnd = new SplittableRandom(seed);
        keys = new SigningKey[n];
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = TestCluster.key(i);
            pub.put(i, keys[i].verifyingKey());
        }
        for (int c = 0; c < clientCount; c++) {
            pub.put(
                    TestCluster.CLIENT + c,
                    TestCluster.key(TestCluster.CLIENT + c).verifyingKey());
        }
        KeyRegistry registry = KeyRegistry.of(pub);
        verifier = new InboundVerifier(SWARM, registry, n, new SignatureCache(1 << 16));
        replicas = new Replica[n];
        services = new TestStateMachine[n];
        viewsEntered = new List[n];
        stalledUntil = new long[n];
        for (int i = 0; i < n; i++) {
            ReplicaConfig cfg = tune.apply(ReplicaConfig.defaults(SWARM, n, i, keys[i], registry)
                    .withBatching(16, 2)
                    .withCheckpoints(16, 64)
                    .withTimers(2000, 2000, 200));
            services[i] = new TestStateMachine(null);
            replicas[i] = new Replica(cfg, services[i]);
            viewsEntered[i] = new ArrayList<>();
        }
        Quorums q = new Quorums(n);
        clients = new ClientCore[clientCount];
        completed = new int[clientCount];
        for (int c = 0; c < clientCount; c++) {
            clients[c] = new ClientCore(
                    SWARM,
                    TestCluster.CLIENT + c,
                    TestCluster.key(TestCluster.CLIENT + c),
                    q,
                    1,
                    500,
                    2000,
                    Long.MAX_VALUE / 4);
        }
    }

    int completedRequests() {
        int sum = 0;
        for (int c : completed) {
            sum += c;
        }
        return sum;
    }

    private boolean running(int i) {
        return !paused.contains(i) && !down.contains(i) && now >= stalledUntil[i];
    }

    private void send(int from, int to, Signed m, Reply reply) {
        if (down.contains(from) || down.contains(to)) {
            return;
        }
        long latency = minLatencyMs + rnd.nextLong(maxLatencyMs - minLatencyMs + 1);
        queue.add(new InFlight(now + latency, order++, from, to, m, reply));
    }

    private void perform(int i, List<Effect> out) {
        for (Effect e : out) {
            if (e instanceof Effect.Send s) {
                send(i, s.to(), s.message(), null);
            } else if (e instanceof Effect.Broadcast b) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        send(i, j, b.message(), null);
                    }
                }
            } else if (e instanceof Effect.SendReply r) {
                send(i, r.clientId(), null, r.reply());
            } else if (e instanceof Effect.StateInstalled) {
                stateTransfers++;
            } else if (e instanceof Effect.Dropped d) {
                drops.merge(d.reason().replaceAll("[0-9]+", "#"), 1, Integer::sum);
                log.add(now + " r" + i + " dropped from " + d.sender() + ": " + d.reason());
            }
        }
        List<Long> views = viewsEntered[i];
        if (views.isEmpty() || views.get(views.size() - 1) != replicas[i].view()) {
            views.add(replicas[i].view());
            log.add(now + " r" + i + " -> " + replicas[i]);
        } else if (out.stream().anyMatch(e -> e instanceof Effect.ViewInstalled)) {
            log.add(now + " r" + i + " installed " + replicas[i]);
        }
    }

    /** Runs for {@code millis} of virtual time. */
    void run(long millis) {
        long end = now + millis;
        while (now < end) {
            now += STEP;
            for (int i = 0; i < n; i++) {
                if (running(i) && stallChance > 0 && rnd.nextDouble() < stallChance) {
                    stalledUntil[i] = now + 1 + rnd.nextLong(maxStallMs);
                }
            }
            List<InFlight> held = new ArrayList<>();
            while (!queue.isEmpty() && queue.peek().at <= now) {
                InFlight m = queue.poll();
                if (m.reply != null) {
                    onReply(m);
                } else if (!running(m.to)) {
                    held.add(m);
                } else {
                    InboundVerifier.Outcome o = verifier.verify(m.message);
                    if (!(o instanceof InboundVerifier.Outcome.Accepted a)) {
                        throw new AssertionError("harness message rejected: " + o);
                    }
                    perform(
                            m.to,
                            freshClockOnStep
                                    ? replicas[m.to].step(a.message(), now)
                                    : replicas[m.to].step(a.message()));
                }
            }
            for (InFlight m : held) {
                queue.add(new InFlight(now + STEP, m.order, m.from, m.to, m.message, null));
            }
            for (int i = 0; i < n; i++) {
                if (running(i)) {
                    perform(i, replicas[i].tick(now));
                }
            }
            for (int c = 0; c < clients.length; c++) {
                if (!clients[c].busy()) {
                    sendToAll(clients[c]
                            .submit(new byte[] {(byte) c, (byte) completed[c]}, now)
                            .request());
                }
                for (ClientEffect ce : clients[c].tick(now)) {
                    if (ce instanceof ClientEffect.SendToAll s) {
                        sendToAll(s.request());
                    }
                }
            }
        }
    }

    private void onReply(InFlight m) {
        int c = m.to - TestCluster.CLIENT;
        for (ClientEffect ce : clients[c].onReply(m.from, m.reply)) {
            if (ce instanceof ClientEffect.Completed) {
                completed[c]++;
            }
        }
    }

    private void sendToAll(Signed request) {
        for (int j = 0; j < n; j++) {
            send(request.sender(), j, request, null);
        }
    }
}
