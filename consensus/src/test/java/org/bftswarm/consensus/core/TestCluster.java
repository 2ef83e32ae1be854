package org.bftswarm.consensus.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.SignatureCache;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.codec.Verified;
import org.bftswarm.consensus.sim.TestStateMachine;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/** A tiny in-memory cluster for core unit tests: FIFO delivery, switchable links, manual time. */
final class TestCluster {
    static final String SWARM = "unit";
    static final int CLIENT = 1000;

    record Delivery(int from, int to, Signed message) {}

    final int n;
    final SigningKey[] keys;
    final SigningKey clientKey = key(CLIENT);
    final KeyRegistry registry;
    final InboundVerifier verifier;
    final ReplicaConfig[] configs;
    final Replica[] replicas;
    final TestStateMachine[] services;
    final InMemoryDurableStore[] stores;
    final Set<Integer> down = new HashSet<>();
    final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    final List<Reply>[] replies;
    final List<Effect>[] effects;
    long now;
    long nextRequest = 1;
    static final int EXTRA_CLIENTS = 15;
    private final Map<Integer, Long> otherRequests = new HashMap<>();
    /** Rewrites (or drops, by returning null) messages in flight; identity by default. */
    UnaryOperator<Delivery> network = d -> d;

    static SigningKey key(int principal) {
        byte[] seed = new byte[32];
        seed[0] = (byte) principal;
        seed[1] = (byte) (principal >> 8);
        seed[31] = 7;
        return SigningKey.fromSeed(seed);
    }

    @SuppressWarnings("unchecked")
    TestCluster(int n, UnaryOperator<ReplicaConfig> tune) {
        this.n = n;
        keys = new SigningKey[n];
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
            pub.put(i, keys[i].verifyingKey());
        }
        pub.put(CLIENT, clientKey.verifyingKey());
        for (int c = CLIENT + 1; c <= CLIENT + EXTRA_CLIENTS; c++) {
            pub.put(c, key(c).verifyingKey());
        }
        registry = KeyRegistry.of(pub);
        verifier = new InboundVerifier(SWARM, registry, n, new SignatureCache(4096));
        configs = new ReplicaConfig[n];
        replicas = new Replica[n];
        services = new TestStateMachine[n];
        stores = new InMemoryDurableStore[n];
        replies = new List[n];
        effects = new List[n];
        for (int i = 0; i < n; i++) {
            configs[i] = tune.apply(ReplicaConfig.defaults(SWARM, n, i, keys[i], registry)
                    .withBatching(4, 5)
                    .withCheckpoints(4, 8)
                    .withTimers(300, 5000, 50)
                    .withStateChunks(32, 1 << 20));
            services[i] = new TestStateMachine(null);
            stores[i] = new InMemoryDurableStore();
            replicas[i] = new Replica(configs[i], services[i]);
            replies[i] = new ArrayList<>();
            effects[i] = new ArrayList<>();
        }
    }

    Signed request(byte[] op) {
        return Signed.sign(SWARM, clientKey, CLIENT, new Request(CLIENT, nextRequest++, op));
    }

    /** A request of client {@code CLIENT + k} (1 <= k <= EXTRA_CLIENTS), each with its own numbering. */
    Signed request(int k, byte[] op) {
        Invariants.check(k >= 1 && k <= EXTRA_CLIENTS, "extra client %s", k);
        int client = CLIENT + k;
        long number = otherRequests.merge(client, 1L, Long::sum);
        return Signed.sign(SWARM, key(client), client, new Request(client, number, op));
    }

    void submit(Signed request) {
        for (int i = 0; i < n; i++) {
            queue.add(new Delivery(CLIENT, i, request));
        }
    }

    Verified verified(Signed s) {
        InboundVerifier.Outcome o = verifier.verify(s);
        if (o instanceof InboundVerifier.Outcome.Accepted a) {
            return a.message();
        }
        throw new AssertionError("test message rejected: " + o);
    }

    void perform(int i, List<Effect> out) {
        effects[i].addAll(out);
        List<PersistOp> ops = new ArrayList<>();
        for (Effect e : out) {
            if (e instanceof Effect.Persist p) {
                ops.add(p.op());
            }
        }
        stores[i].apply(ops);
        for (Effect e : out) {
            if (e instanceof Effect.Send s) {
                queue.add(new Delivery(i, s.to(), s.message()));
            } else if (e instanceof Effect.Broadcast b) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        queue.add(new Delivery(i, j, b.message()));
                    }
                }
            } else if (e instanceof Effect.SendReply r) {
                replies[i].add(r.reply());
            }
        }
    }

    void deliverAll() {
        int guard = 0;
        while (!queue.isEmpty()) {
            if (++guard > 1_000_000) {
                throw new AssertionError("message storm");
            }
            Delivery d = network.apply(queue.poll());
            if (d == null || down.contains(d.to()) || down.contains(d.from())) {
                continue;
            }
            perform(d.to(), replicas[d.to()].step(verified(d.message())));
        }
    }

    /** Advances time in 5 ms steps, delivering everything after each tick. */
    void run(long millis) {
        long end = now + millis;
        deliverAll();
        while (now < end) {
            now += 5;
            for (int i = 0; i < n; i++) {
                if (!down.contains(i)) {
                    perform(i, replicas[i].tick(now));
                }
            }
            deliverAll();
        }
    }

    void crashAndRecover(int i) {
        services[i] = new TestStateMachine(null);
        replicas[i] = Replica.recover(configs[i], services[i], stores[i].load(), now);
        perform(i, replicas[i].drain());
    }

    long dropped(int i, String containing) {
        return effects[i].stream()
                .filter(e -> e instanceof Effect.Dropped d && d.reason().contains(containing))
                .count();
    }
}
