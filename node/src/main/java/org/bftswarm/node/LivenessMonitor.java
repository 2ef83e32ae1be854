package org.bftswarm.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.node.config.GossipSettings;
import org.bftswarm.node.config.HeartbeatSettings;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.view.NodeState;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.failure.FailureDetector;
import org.bftswarm.state.failure.FailureDetectorSettings;
import org.bftswarm.state.failure.HeartbeatFeed;
import org.bftswarm.state.failure.SuspicionReport;
import org.bftswarm.state.view.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns local heartbeat silence into ordered evidence: the CRDT heartbeats feed a
 * {@link FailureDetector}; while it suspects a node that the scheduler still has UP without this
 * replica's vote, a signed {@code SuspectNode(me, it)} is ordered (the scheduler needs f+1 distinct
 * suspectors, so this node alone evicts no one); while the scheduler has this node DOWN, a
 * {@code NodeAlive(me)} is ordered. Votes start only once the gossip layer has formed with enough
 * members (or after a grace period), and follow {@link SuspicionPolicy}, so slow Hazelcast formation
 * at start-up is not mistaken for dead nodes. Without gossip there is no evidence, hence no vote.
 * Only real silence counts: after this node itself stalled (ticks more than {@link #STALL_MILLIS}
 * apart: GC, swap, SIGSTOP, an overloaded machine) it waits a fresh suspicion timeout before voting,
 * and it votes only while it hears at least n-f-1 other nodes, so a node cut off from the rest (or
 * too slow to receive) blames itself, not the others.
 */
public final class LivenessMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(LivenessMonitor.class);
    static final long RESEND_MILLIS = 2_000;
    static final long ARM_GRACE_MILLIS = 10_000;
    /** Ticks are ~200 ms apart; a gap longer than this means this node, not the others, was silent. */
    static final long STALL_MILLIS = 1_000;

    private final int nodeId;
    private final int n;
    private final int f;
    private final Scheduler scheduler;
    private final ClusterStateNode state;
    private final OperationClient ops;
    private final LongSupplier clock;
    private final FailureDetector detector;
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, CompletableFuture<Reply>> inFlight = new HashMap<>();
    /** Heartbeats heard from each peer since this node saw it marked UP (at {@link #upSince}). */
    private final Map<Integer, AtomicInteger> heard = new ConcurrentHashMap<>();
    /** The scheduler's {@code sinceMillis} of each peer when this node last looked. */
    private final Map<Integer, Long> upSince = new TreeMap<>();

    private long formedAt = -1;
    private long armedAt = -1;
    private long lastTick = -1;
    private long quietUntil = -1;
    private SuspicionReport lastReport;

    public LivenessMonitor(
            int nodeId,
            int n,
            Scheduler scheduler,
            ClusterStateNode state,
            OperationClient ops,
            long suspicionTimeoutMillis,
            LongSupplier clock) {
        this(
                nodeId,
                n,
                scheduler,
                state,
                ops,
                new FailureDetectorSettings(
                        suspicionTimeoutMillis, FailureDetectorSettings.DEFAULTS.recoveryObservations()),
                clock);
    }

    /**
     * A monitor whose detector follows {@code detectorSettings}, e.g. with the timeout of each peer
     * following the interval it announced ({@link FailureDetectorSettings#following}).
     */
    public LivenessMonitor(
            int nodeId,
            int n,
            Scheduler scheduler,
            ClusterStateNode state,
            OperationClient ops,
            FailureDetectorSettings detectorSettings,
            LongSupplier clock) {
        this.nodeId = nodeId;
        this.n = n;
        this.f = Quorums.faultsTolerated(n);
        this.scheduler = scheduler;
        this.state = state;
        this.ops = ops;
        this.clock = clock;
        TreeSet<Integer> others = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (i != nodeId) {
                others.add(i);
            }
        }
        this.detector = new FailureDetector(others, clock.getAsLong(), detectorSettings);
        state.addListener(new HeartbeatFeed(detector, clock));
        state.addListener(entry -> {
            if (entry.key().owner() != nodeId && entry.key().name().equals(Heartbeat.ENTRY_NAME)) {
                heard.computeIfAbsent(entry.key().owner(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        });
    }

    /**
     * The detector settings a node runs with: the configured suspicion timeout for the configured period,
     * each peer's timeout following the interval it announced, up to {@code gossip.maxIntervalMs}.
     */
    public static FailureDetectorSettings detectorSettings(HeartbeatSettings heartbeat, GossipSettings gossip) {
        return new FailureDetectorSettings(
                        heartbeat.suspicionTimeoutMs(), FailureDetectorSettings.DEFAULTS.recoveryObservations())
                .following(heartbeat.periodMs(), gossip.maxIntervalMs());
    }

    /** Peers the scheduler has UP that the last evaluation found silent (lost heartbeats not yet repaired). */
    public synchronized int silentUpPeers() {
        if (lastReport == null) {
            return 0;
        }
        int silent = 0;
        for (NodeView v : scheduler.nodes()) {
            if (v.state() == NodeState.UP && lastReport.suspected().contains(v.id())) {
                silent++;
            }
        }
        return silent;
    }

    /** The silence after which this node suspects {@code peer}, from the interval that peer announced. */
    public long timeoutOf(int peer) {
        return detector.timeoutOf(peer);
    }

    /** True once suspicions are acted on. */
    public synchronized boolean armed() {
        return armedAt >= 0;
    }

    /** One evaluation; called periodically (every ~200 ms) from the node's maintenance thread. */
    public synchronized void tick() {
        long now = clock.getAsLong();
        Optional<NodeView> me =
                scheduler.nodes().stream().filter(v -> v.id() == nodeId).findFirst();
        if (me.isPresent() && me.get().state() == NodeState.DOWN) {
            submit("alive", new NodeAlive(nodeId), now);
        }
        if (lastTick >= 0 && now - lastTick > STALL_MILLIS) {
            quietUntil = now + detector.settings().suspicionTimeoutMillis();
            LOG.info(
                    "node {} stalled for {} ms; no suspicion votes until its peers had a fresh {} ms",
                    nodeId,
                    now - lastTick,
                    detector.settings().suspicionTimeoutMillis());
        }
        lastTick = now;
        SuspicionReport report = detector.evaluate(now);
        lastReport = report;
        for (int s : report.newlySuspected()) {
            LOG.info(
                    "node {} suspects node {} (no heartbeat for {} ms)",
                    nodeId,
                    s,
                    detector.settings().suspicionTimeoutMillis());
        }
        for (int s : report.newlyCleared()) {
            LOG.info("node {} hears node {} again", nodeId, s);
        }
        if (!arm(now) || now < quietUntil) {
            return;
        }
        int othersHeard = n - 1 - report.suspected().size();
        if (!SuspicionPolicy.hearsEnoughPeers(othersHeard, n)) {
            return; // this node hears too few peers: it is the one cut off, its silence evidence is worthless
        }
        // votes only once armed for a suspicion timeout: nodes silent merely because gossip was not up
        // yet have had time to be heard again
        for (NodeView v : scheduler.nodes()) {
            Long since = upSince.put(v.id(), v.sinceMillis());
            if (since == null || since != v.sinceMillis()) {
                heard.put(v.id(), new AtomicInteger()); // marked UP anew: count its heartbeats from here
            }
            var count = heard.get(v.id());
            if (SuspicionPolicy.shouldVote(
                    v, nodeId, report.suspected().contains(v.id()), count == null ? 0 : count.get(), now, armedAt)) {
                submit("suspect-" + v.id(), new SuspectNode(nodeId, v.id()), now);
            }
        }
    }

    /**
     * The {@link NodeFault#SUSPECT_EVERYONE} lie: orders {@code SuspectNode(me, v)} against every other
     * node regardless of heartbeats, arming or policy (resent like any vote). The scheduler needs f+1
     * distinct suspectors, so this alone must evict no one.
     */
    public synchronized void suspectEveryone() {
        long now = clock.getAsLong();
        for (int v = 0; v < n; v++) {
            if (v != nodeId) {
                submit("suspect-" + v, new SuspectNode(nodeId, v), now);
            }
        }
    }

    /** Armed once gossip has formed with n-f members (or formed at all for a grace period). */
    private boolean arm(long now) {
        if (armedAt >= 0) {
            return now - armedAt >= detector.settings().suspicionTimeoutMillis();
        }
        var gossip = state.dissemination();
        if (gossip.isEmpty() || !gossip.get().isFormed()) {
            return false;
        }
        if (formedAt < 0) {
            formedAt = now;
        }
        if (gossip.get().memberCount() >= n - f || now - formedAt >= ARM_GRACE_MILLIS) {
            armedAt = now;
            LOG.info(
                    "node {} failure detection armed ({} state members)",
                    nodeId,
                    gossip.get().memberCount());
        }
        return false;
    }

    private void submit(String what, Operation op, long now) {
        CompletableFuture<Reply> pending = inFlight.get(what);
        Long last = lastSent.get(what);
        if ((pending != null && !pending.isDone()) || (last != null && now - last < RESEND_MILLIS)) {
            return;
        }
        lastSent.put(what, now);
        CompletableFuture<Reply> reply = ops.asNode(op);
        inFlight.put(what, reply);
        reply.whenComplete((r, err) -> {
            if (err != null) {
                LOG.warn("node {}: {} not ordered: {}", nodeId, op, err.toString());
            } else {
                LOG.info("node {}: {} -> {} {}", nodeId, op, r.outcome(), r.code());
            }
        });
    }
}
