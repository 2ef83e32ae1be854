package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.SignatureCache;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.ClientCore;
import org.bftswarm.consensus.core.ClientEffect;
import org.bftswarm.consensus.core.CoreMutant;
import org.bftswarm.consensus.core.Effect;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.core.Replica;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * One deterministic run of the real, pure replica core in a simulated world: single thread, virtual
 * time in 5 ms steps, one seeded PRNG, n replicas running the real core (Byzantine ones wrapped by a
 * {@link ByzantineAdversary}) and closed-loop clients running the real {@link ClientCore}. The
 * network drops, delays, duplicates, reorders and partitions during the chaos phase, correct
 * replicas crash and restart from their durable store, and every replica's clock is off by up to
 * 150 ms; then the network heals and every client
 * must finish its remaining requests within the liveness bound. Every message is encoded and
 * decoded (codec in the loop) and verified by an {@link InboundVerifier} before a core sees it.
 * What is replicated and what clients submit comes from a {@link SimWorkload} (by default the
 * hash-chain {@link ChainWorkload}); the simulation is the {@link SimContext} it sees.
 */
final class Simulation implements SimContext {
    static final String SWARM = "sim-swarm";
    private static final long STEP = 5;
    private static final long TICK = 10;

    private record Event(long time, long order, int to, int from, Signed message, Reply reply) {}

    private final Scenario sc;
    private final SplittableRandom rnd;
    private final SimNode[] nodes;
    private final SimClient[] clients;
    private final int[] clientIds;
    private final Map<Integer, SimClient> clientById = new TreeMap<>();
    private final SimWorkload workload;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    /** One per replica (its own designated requests); they share a memo of signatures found valid. */
    private final InboundVerifier[] verifiers;

    private final SafetyChecker checker = new SafetyChecker();
    private final SignedHistoryChecker signedHistory = new SignedHistoryChecker(checker::violation);
    private final CoreMutant mutant;
    private long order;
    private long now;
    private boolean healed;
    private Set<Integer> isolated = Set.of();
    private long partitionUntil;
    private int crashes;
    private int timedCrashes;
    private long viewChanges;
    private long stateTransfers;
    private long largestTransferBytes;
    private long rejected;
    private long droppedByProtocol;

    Simulation(Scenario sc, IntFunction<Quorums> quorums) {
        this(sc, quorums, new ChainWorkload(sc.clients(), sc.requestsAfterHeal()));
    }

    Simulation(Scenario sc, IntFunction<Quorums> quorums, SimWorkload workload) {
        this(sc, quorums, workload, CoreMutant.NONE);
    }

    /** A run whose correct replicas all run the core broken by {@code mutant} (the mutation tests). */
    Simulation(Scenario sc, IntFunction<Quorums> quorums, SimWorkload workload, CoreMutant mutant) {
        this.sc = sc;
        this.mutant = mutant;
        this.workload = workload;
        this.rnd = new SplittableRandom(sc.seed());
        int n = sc.n();
        TreeMap<Integer, VerifyingKey> pub = new TreeMap<>();
        SigningKey[] keys = new SigningKey[n];
        for (int i = 0; i < n; i++) {
            keys[i] = SimKeys.key(i);
            pub.put(i, keys[i].verifyingKey());
        }
        clientIds = workload.clientIds().stream().mapToInt(Integer::intValue).toArray();
        for (int id : clientIds) {
            if (id < KeyRegistry.FIRST_CLIENT_ID || pub.containsKey(id)) {
                throw new IllegalArgumentException("workload client id " + id + " is not a distinct client id");
            }
            pub.put(id, SimKeys.key(id).verifyingKey());
        }
        KeyRegistry registry = KeyRegistry.of(pub);
        SignatureCache validSignatures = new SignatureCache(1 << 16);
        verifiers = new InboundVerifier[n];
        for (int i = 0; i < n; i++) {
            verifiers[i] = new InboundVerifier(SWARM, registry, n, validSignatures, i);
        }
        nodes = new SimNode[n];
        for (int i = 0; i < n; i++) {
            ReplicaConfig cfg = ReplicaConfig.defaults(SWARM, n, i, keys[i], registry)
                    .withBatching(4, 5)
                    .withCheckpoints(4, 16)
                    .withTimers(500, 2000, 100)
                    .withStateChunks(workload.stateChunkBytes(), workload.maxSnapshotBytes())
                    .withQuorums(quorums.apply(n));
            EnumSet<Behaviour> b = sc.byzantineReplicas().get(i);
            ByzantineAdversary adv = b == null
                    ? null
                    : new ByzantineAdversary(
                            i, n, SWARM, keys[i], b, rnd.split(), cfg.checkpointInterval(), cfg.watermarkWindow());
            nodes[i] = new SimNode(i, cfg, adv);
            nodes[i].clockOffsetMs = rnd.nextInt(301) - 150;
            nodes[i].service = service(i);
            nodes[i].core = new Replica(cfg, nodes[i].service, b == null ? mutant : CoreMutant.NONE);
        }
        clients = new SimClient[clientIds.length];
        Quorums real = new Quorums(n);
        for (int c = 0; c < clients.length; c++) {
            clients[c] = new SimClient(
                    clientIds[c],
                    new ClientCore(
                            SWARM, clientIds[c], SimKeys.key(clientIds[c]), real, 1, 300, 2000, Long.MAX_VALUE / 4));
            clientById.put(clientIds[c], clients[c]);
        }
        workload.start(this);
    }

    private ObservedStateMachine service(int id) {
        return new ObservedStateMachine(workload.newStateMachine(id), (ctx, op, result) -> {
            if (nodes[id].correct()) {
                checker.executedRequest(
                        id, ctx.sequence(), ctx.timestampMillis(), ctx.clientId(), ctx.requestNumber(), op);
                checker.result(id, ctx.clientId(), ctx.requestNumber(), result);
            }
        });
    }

    // ------------------------------------------------------------------ SimContext

    @Override
    public long now() {
        return now;
    }

    @Override
    public SplittableRandom random() {
        return rnd;
    }

    @Override
    public int n() {
        return nodes.length;
    }

    @Override
    public boolean correct(int replica) {
        return nodes[replica].correct();
    }

    @Override
    public boolean healed() {
        return healed;
    }

    @Override
    public ReplicatedStateMachine stateMachine(int replica) {
        return nodes[replica].up() ? nodes[replica].service.inner() : null;
    }

    @Override
    public long lastExecuted(int replica) {
        return nodes[replica].up() ? nodes[replica].core.lastExecuted() : -1;
    }

    @Override
    public boolean busy(int clientId) {
        SimClient c = clientById.get(clientId);
        return c != null && c.core.busy();
    }

    SimResult run() {
        long healAt = sc.chaosMillis();
        long deadline = healAt + sc.livenessBoundMs();
        for (now = 0; now <= deadline; now += STEP) {
            if (!healed && now >= healAt) {
                heal();
            }
            if (!healed) {
                chaos();
            }
            deliverDue();
            if (now % TICK == 0) {
                tickReplicas();
            }
            workload.step(this);
            tickClients();
            if (healed
                    && workload.finished(this)
                    && (!workload.replicasMustConverge() || (now % TICK == 0 && converged() == null))) {
                break;
            }
        }
        String liveness = null;
        String divergence = workload.finished(this) ? converged() : null;
        if (!workload.finished(this) || divergence != null) {
            StringBuilder sb = new StringBuilder(
                    divergence != null
                            ? "after heal at " + healAt + " ms, correct replicas had not converged by " + now + " ms: "
                                    + divergence
                            : "after heal at " + healAt + " ms, not finished by " + now + " ms:"
                                    + workload.progress(this));
            for (SimNode node : nodes) {
                sb.append(" | ").append(node.correct() ? "" : "byz ").append(node.core);
            }
            liveness = sb.toString();
        }
        for (SimNode node : nodes) {
            if (node.correct() && node.service != null) {
                if (node.service.duplicates() > 0) {
                    checker.violation("replica " + node.id + " executed a request twice");
                }
                if (node.service.timestampRegressions() > 0) {
                    checker.violation("replica " + node.id + " saw batch timestamps go backwards");
                }
            }
        }
        workload.finalViolations(this).forEach(checker::violation);
        EnumSet<Behaviour> exercised = EnumSet.noneOf(Behaviour.class);
        for (SimNode node : nodes) {
            if (node.adversary != null) {
                exercised.addAll(node.adversary.exercised());
            }
        }
        return new SimResult(
                sc,
                List.copyOf(checker.violations()),
                liveness,
                exercised,
                checker.executedSeqs(),
                checker.checkpointsSeen(),
                viewChanges,
                stateTransfers,
                largestTransferBytes,
                rejected,
                droppedByProtocol,
                now);
    }

    /**
     * Null once every correct replica has executed the same last sequence number to the same state
     * machine digest (and none is fetching state), else what differs; always null when the workload
     * does not ask for convergence.
     */
    private String converged() {
        if (!workload.replicasMustConverge()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        long seq = -1;
        String digest = null;
        boolean same = true;
        for (SimNode node : nodes) {
            if (!node.correct() || !node.up()) {
                continue;
            }
            String d = node.service.inner().digest().hex().substring(0, 12);
            long at = node.core.lastExecuted();
            sb.append(" r")
                    .append(node.id)
                    .append(" executed=")
                    .append(at)
                    .append(" state=")
                    .append(d)
                    .append(node.core.transferring() ? " (fetching state)" : "");
            same &= !node.core.transferring() && (digest == null || (seq == at && digest.equals(d)));
            seq = at;
            digest = d;
        }
        return same ? null : sb.toString().trim();
    }

    // ------------------------------------------------------------------ faults

    private void heal() {
        healed = true;
        isolated = Set.of();
        for (SimNode node : nodes) {
            if (!node.up()) {
                restart(node);
            }
        }
        workload.healed(this);
    }

    private void chaos() {
        if (!isolated.isEmpty() && now >= partitionUntil) {
            isolated = Set.of();
        }
        if (sc.partitions() && isolated.isEmpty() && rnd.nextInt(150) == 0) {
            int size = 1 + rnd.nextInt(Math.max(1, sc.n() / 2));
            Set<Integer> side = new HashSet<>();
            while (side.size() < size) {
                side.add(rnd.nextInt(sc.n()));
            }
            isolated = side;
            partitionUntil = now + 200 + rnd.nextInt(1300);
        }
        for (SimNode node : nodes) {
            if (!node.up() && now >= node.restartAt) {
                restart(node);
            }
        }
        if (sc.crashes() && crashes < 2 && rnd.nextInt(250) == 0) {
            SimNode victim = nodes[rnd.nextInt(nodes.length)];
            boolean anyDown = false;
            for (SimNode node : nodes) {
                anyDown |= !node.up();
            }
            if (victim.correct() && !anyDown) {
                crashes++;
                crash(victim);
            }
        }
    }

    private void crash(SimNode node) {
        node.core = null;
        node.service = null;
        node.restartAt = now + 100 + rnd.nextInt(1400);
        checker.crashed(node.id);
    }

    /**
     * Crashes timed around persist (chaos phase, at most two per run, never a second replica down): a
     * correct replica whose outbox carries a VIEW-CHANGE (often) or another vote it signed (rarely)
     * crashes either right after the outbox (its writes done, its messages gone) or between its
     * writes and its sends (the messages lost). Returns 0 for no crash, 1 after, 2 before the sends.
     */
    private int timedCrash(SimNode node, List<Effect> effects) {
        if (healed || !sc.crashes() || !node.correct() || timedCrashes >= 2) {
            return 0;
        }
        int odds = 0;
        for (Effect e : effects) {
            Signed m = e instanceof Effect.Broadcast b ? b.message() : null;
            if (m != null && m.body() instanceof ViewChange) {
                odds = 3;
                break;
            }
            if (m != null && (m.body() instanceof Prepare || m.body() instanceof Commit)) {
                odds = 400;
            }
        }
        if (odds == 0 || rnd.nextInt(odds) != 0) {
            return 0;
        }
        for (SimNode other : nodes) {
            if (!other.up()) {
                return 0;
            }
        }
        timedCrashes++;
        return rnd.nextBoolean() ? 1 : 2;
    }

    private void restart(SimNode node) {
        node.service = service(node.id);
        node.core =
                Replica.recover(node.config, node.service, node.store.load(), now + node.clockOffsetMs, mutantOf(node));
        node.restartAt = -1;
        perform(node, node.core.drain());
    }

    // ------------------------------------------------------------------ network

    private CoreMutant mutantOf(SimNode node) {
        return node.correct() ? mutant : CoreMutant.NONE;
    }

    private boolean partitioned(int a, int b) {
        if (a >= sc.n() || b >= sc.n()) {
            return false;
        }
        Set<Integer> scripted = workload.isolatedReplicas();
        return isolated.contains(a) != isolated.contains(b) || scripted.contains(a) != scripted.contains(b);
    }

    private void schedule(int from, int to, Signed message, Reply reply) {
        if (partitioned(from, to)) {
            return;
        }
        double drop = healed ? 0 : sc.dropRate();
        double dup = healed ? 0 : sc.duplicateRate();
        int maxDelay = healed ? sc.healedMaxDelayMs() : sc.maxDelayMs();
        int minDelay = healed && maxDelay > Scenario.HEALED_MAX_DELAY_MS ? Math.max(1, maxDelay - 50) : 1;
        if (rnd.nextDouble() < drop) {
            return;
        }
        if (message != null) {
            signedHistory.seen(message);
        }
        int copies = rnd.nextDouble() < dup ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long at = now + minDelay + rnd.nextInt(maxDelay - minDelay + 1);
            queue.add(new Event(at, order++, to, from, message, reply));
        }
    }

    /** The codec in the loop: what a replica receives is what the bytes decode to. */
    private static Signed wire(Signed s) {
        Decoded<Signed> d = Codec.decodeSigned(Codec.encodeSigned(s));
        if (d instanceof Decoded.Ok<Signed> ok) {
            return ok.value();
        }
        throw new IllegalStateException("codec round trip failed for " + s + ": " + d);
    }

    private void deliverDue() {
        while (!queue.isEmpty() && queue.peek().time <= now) {
            Event e = queue.poll();
            if (e.reply != null) {
                deliverReply(e);
                continue;
            }
            SimNode node = nodes[e.to];
            if (!node.up()) {
                continue;
            }
            InboundVerifier.Outcome o = verifiers[e.to].verify(e.message);
            if (o instanceof InboundVerifier.Outcome.Accepted a) {
                if (node.adversary != null) {
                    node.adversary.heard(e.message);
                }
                perform(node, node.core.step(a.message()));
            } else {
                rejected++;
            }
        }
    }

    private void deliverReply(Event e) {
        SimClient c = clientById.get(e.to);
        for (ClientEffect ce : c.core.onReply(e.from, e.reply)) {
            if (ce instanceof ClientEffect.Completed done) {
                checker.accepted(c.id, done.requestNumber(), done.result());
                byte[] op = c.outstanding;
                c.outstanding = null;
                c.replay = rnd.nextInt(3) == 0 ? c.last : null;
                workload.completed(this, c.id, done.requestNumber(), op, done.result());
            }
        }
    }

    private void perform(SimNode node, List<Effect> effects) {
        if (node.adversary != null) {
            effects = node.adversary.transform(effects);
        }
        List<PersistOp> ops = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Persist p) {
                ops.add(p.op());
            }
        }
        if (!ops.isEmpty()) {
            node.store.apply(ops);
        }
        int crash = timedCrash(node, effects);
        if (crash == 2) {
            crash(node);
            return;
        }
        for (Effect e : effects) {
            if (node.correct() && e instanceof Effect.Send s) {
                signedHistory.sent(node.id, s.message(), node.core.stableCheckpoint());
            } else if (node.correct() && e instanceof Effect.Broadcast b) {
                signedHistory.sent(node.id, b.message(), node.core.stableCheckpoint());
            }
            if (e instanceof Effect.Send s) {
                schedule(node.id, s.to(), wire(s.message()), null);
            } else if (e instanceof Effect.Broadcast b) {
                Signed m = wire(b.message());
                for (int j = 0; j < nodes.length; j++) {
                    if (j != node.id) {
                        schedule(node.id, j, m, null);
                    }
                }
            } else if (e instanceof Effect.SendReply r) {
                if (clientById.containsKey(r.clientId())) {
                    schedule(node.id, r.clientId(), null, r.reply());
                }
            } else if (e instanceof Effect.Executed x && node.correct()) {
                checker.executedSeq(node.id, x.seq());
            } else if (e instanceof Effect.CheckpointTaken cp && node.correct()) {
                checker.checkpoint(node.id, cp.seq(), cp.stateDigest());
                if (cp.seq() == node.core.lastExecuted()) { // else it executed on in the same step
                    checker.state(node.id, cp.seq(), node.service.inner().digest(), "executed");
                }
            } else if (e instanceof Effect.ViewInstalled) {
                viewChanges++;
            } else if (e instanceof Effect.StateInstalled si) {
                stateTransfers++;
                if (si.transferred()) {
                    largestTransferBytes = Math.max(largestTransferBytes, si.snapshotBytes());
                }
                if (node.correct() && si.seq() == node.core.lastExecuted()) {
                    checker.state(node.id, si.seq(), node.service.inner().digest(), "installed by state transfer");
                }
            } else if (e instanceof Effect.Dropped) {
                droppedByProtocol++;
            }
        }
        if (node.correct()) {
            checkWatermarks(node);
        }
        if (crash == 1) {
            crash(node);
        }
    }

    /** PBFT section 4.3: a correct replica keeps agreement state only for seqs in (stable, stable + L]. */
    private void checkWatermarks(SimNode node) {
        Replica r = node.core;
        long low = r.stableCheckpoint();
        if (r.lowestSlot() <= low || r.highestSlot() > low + r.watermarkWindow()) {
            checker.violation("replica " + node.id + " holds slots " + r.lowestSlot() + ".." + r.highestSlot()
                    + " outside its watermarks (" + low + ", " + (low + r.watermarkWindow()) + "]");
        }
    }

    // ------------------------------------------------------------------ ticks

    private void tickReplicas() {
        for (SimNode node : nodes) {
            if (node.up()) {
                perform(node, node.core.tick(now + node.clockOffsetMs));
                if (node.adversary != null) {
                    perform(node, node.adversary.inject(node.core, clientIds));
                }
            }
        }
    }

    private void tickClients() {
        for (SimClient c : clients) {
            if (!c.core.busy() && c.replay != null) {
                sendToAll(c, c.replay); // a client re-sending a request it already has the result of
                c.replay = null;
            }
            if (!c.core.busy()) {
                byte[] op = workload.nextOperation(this, c.id);
                if (op != null) {
                    c.outstanding = op;
                    c.last = c.core.submit(op, now).request();
                    sendToAll(c, c.last);
                    checker.submitted(c.id, c.core.outstandingRequestNumber());
                }
            }
            for (ClientEffect ce : c.core.tick(now)) {
                if (ce instanceof ClientEffect.SendToAll s) {
                    sendToAll(c, s.request());
                }
            }
        }
    }

    private void sendToAll(SimClient c, Signed request) {
        Signed m = wire(request);
        for (int j = 0; j < nodes.length; j++) {
            schedule(c.id, j, m, null);
        }
    }
}
